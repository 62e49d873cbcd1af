# SPDX-License-Identifier: GPL-3.0-or-later
# What `cmake --install` puts beside the two binaries (their install() rules are in app/): the
# manual pages, and with the GUI the desktop entry, the AppStream metainfo, the lesson MIME type
# and the hicolor icons (resources/desktop/README.md). The translations need nothing here: they
# are compiled into the binary (qt_add_translations ... RESOURCE_PREFIX in app/gui/).
# tests/install/check-install.sh installs into a temporary prefix and validates every file.
include(GNUInstallDirs)

# qt_standard_project_setup() gives installed binaries the RUNPATH $ORIGIN:$ORIGIN/../lib; we
# install no library of our own, so they need none (Qt and the rest come from the system).
set_target_properties(logitlab-cli PROPERTIES INSTALL_RPATH "")
if(LOGITLAB_BUILD_GUI)
  set_target_properties(logitlab PROPERTIES INSTALL_RPATH "")
endif()

set(logitlab_app_id io.github.logitlab.LogitLab)
set(logitlab_desktop_dir ${PROJECT_SOURCE_DIR}/resources/desktop)

install(FILES ${PROJECT_SOURCE_DIR}/resources/man/logitlab-cli.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/README.md
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/logitlab)

if(LOGITLAB_BUILD_GUI)
  install(FILES ${PROJECT_SOURCE_DIR}/resources/man/logitlab.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  install(FILES ${logitlab_desktop_dir}/${logitlab_app_id}.desktop
          DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/applications)
  install(FILES ${logitlab_desktop_dir}/${logitlab_app_id}.metainfo.xml
          DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/metainfo)
  install(FILES ${logitlab_desktop_dir}/${logitlab_app_id}.mime.xml
          DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/mime/packages RENAME ${logitlab_app_id}.xml)
  install(FILES ${logitlab_desktop_dir}/${logitlab_app_id}.svg
          DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/icons/hicolor/scalable/apps)
  foreach(size 16 24 32 48 64 128 256)
    install(FILES ${logitlab_desktop_dir}/icons/${size}x${size}.png
            DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/icons/hicolor/${size}x${size}/apps
            RENAME ${logitlab_app_id}.png)
  endforeach()
endif()
