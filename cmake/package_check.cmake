# package_check.cmake - run by cpack: a Debian package's binary must look for
# /etc/lis/lis.conf, which only a build for the prefix /usr does.
if(CPACK_GENERATOR STREQUAL "DEB" AND NOT CPACK_LIS_PREFIX STREQUAL "/usr")
    message(FATAL_ERROR "lis: configure with -DCMAKE_INSTALL_PREFIX=/usr to build "
                        "the Debian package (this tree has ${CPACK_LIS_PREFIX})")
endif()
