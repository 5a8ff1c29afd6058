# package.cmake - the Debian package (cpack -G DEB) and the install rules it
# needs beyond the program's own: systemd units, copyright, changelog.
#
# A package is built from a tree configured with -DCMAKE_INSTALL_PREFIX=/usr,
# so that the binary looks for /etc/lis/lis.conf (cmake/package_check.cmake
# refuses any other prefix).

set(LIS_DEB_DIR ${CMAKE_SOURCE_DIR}/packaging/debian)

# systemd units of config/systemd/, when there are any. Debian 12 keeps them
# in /lib/systemd/system; an install under another prefix keeps them in it.
if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
    set(LIS_UNIT_DEST /lib/systemd/system)
else()
    set(LIS_UNIT_DEST lib/systemd/system)
endif()
file(GLOB LIS_SYSTEMD_UNITS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/config/systemd/*.service
     ${CMAKE_SOURCE_DIR}/config/systemd/*.timer)
if(LIS_SYSTEMD_UNITS)
    install(FILES ${LIS_SYSTEMD_UNITS} DESTINATION ${LIS_UNIT_DEST})
endif()
# sysusers.d reads only *.conf: lis.sysusers becomes sysusers.d/lis.conf.
file(GLOB LIS_SYSUSERS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/config/systemd/*.sysusers)
foreach(f IN LISTS LIS_SYSUSERS)
    get_filename_component(name ${f} NAME_WE)
    install(FILES ${f} DESTINATION lib/sysusers.d RENAME ${name}.conf)
endforeach()

# The crontab of config/cron/ is for machines without systemd timers; its
# lines are live, so it is an example to copy to /etc/cron.d, not installed
# there (it would run every report twice beside the timers).
file(GLOB LIS_CRON CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/config/cron/*)
if(LIS_CRON)
    install(FILES ${LIS_CRON} DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples/cron.d)
endif()

# Debian wants the changelog gzipped with no time stamp (gzip -n).
add_custom_command(
    OUTPUT ${CMAKE_BINARY_DIR}/changelog.gz
    COMMAND sh -c "gzip -9n < '${LIS_DEB_DIR}/changelog' > '${CMAKE_BINARY_DIR}/changelog.gz'"
    DEPENDS ${LIS_DEB_DIR}/changelog
    VERBATIM)
add_custom_target(lis_changelog ALL DEPENDS ${CMAKE_BINARY_DIR}/changelog.gz)
install(FILES ${LIS_DEB_DIR}/copyright ${CMAKE_BINARY_DIR}/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

# Files under /etc are conffiles: an upgrade keeps the administrator's changes.
file(WRITE ${CMAKE_BINARY_DIR}/deb/conffiles "${LIS_SYSCONFDIR}/lis.conf\n")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME lis)
set(CPACK_PACKAGE_VENDOR "the lis developers")
set(CPACK_PACKAGE_CONTACT "lis developers <lis@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "follow-up reports for agreement-steered municipalities")
# The extended description; cpack puts the summary above it.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "lis imports a Danish municipality's monthly indicator and budget data (the
native semicolon CSV, KMD Opus, Prisme and Danmarks Statistik exports) into
PostgreSQL, computes goal attainment per agreement, goal and period and the
economy of each agreement, and writes Excel, PDF, PNG and HTML reports in
Danish for leaders and politicians (aftalestyring).")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS postgresql)
# postinst creates the system user of the scheduled runs (sysusers.d).
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${CMAKE_BINARY_DIR}/deb/conffiles
    ${LIS_DEB_DIR}/postinst)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_PROJECT_CONFIG_FILE ${CMAKE_SOURCE_DIR}/cmake/package_check.cmake)
set(CPACK_LIS_PREFIX ${CMAKE_INSTALL_PREFIX})
include(CPack)
