# SPDX-License-Identifier: GPL-3.0-or-later
# `cpack -G DEB` in the build directory: a Debian package "logitlab" of what `cmake --install`
# installs, under /usr. Its dependencies are computed from the binaries by dpkg-shlibdeps
# (dpkg-dev, part of build-essential; CPack also needs `file`).
#
# The default LOGITLAB_ARCH "auto" builds for x86-64-v3 (AVX2, FMA) when this machine runs it; a
# package for other people's machines wants -DLOGITLAB_ARCH= (the x86-64 baseline).
set(LOGITLAB_PACKAGE_MAINTAINER "The LogitLab authors <logitlab@users.noreply.github.com>"
    CACHE STRING "The Maintainer field of the Debian package")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME logitlab)
set(CPACK_PACKAGE_VENDOR "The LogitLab authors")
set(CPACK_PACKAGE_CONTACT "${LOGITLAB_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/logitlab/logitlab")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "lab for numerically stable softmax and cross-entropy")
set(CPACK_PACKAGE_DESCRIPTION
    "LogitLab teaches why numerically stable softmax and cross-entropy matter. A desktop lab and\n"
    "a command-line tool put the naive softmax beside the max-shifted softmax, log-softmax and\n"
    "Higham's accurate variant, in float16, bfloat16, float32, float64 and x87 float80, against a\n"
    "correctly rounded MPFR reference, with every error in ULPs. It also shows cross-entropy and\n"
    "binary cross-entropy from probabilities, Keras-clipped and from logits, expressions rounded\n"
    "operation by operation, and twin networks trained on MNIST digits.")
string(JOIN "" CPACK_PACKAGE_DESCRIPTION ${CPACK_PACKAGE_DESCRIPTION})
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${LOGITLAB_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Qt runs on X11 (XWayland too) with libqt6gui6 alone; the Wayland plugin, a CJK font for zh_CN
# and Qt's own translations (its dialogs' buttons) are welcome but not needed.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "fonts-noto-cjk, qt6-translations-l10n")

if(LOGITLAB_MARCH)
  message(STATUS "LogitLab: a package made by cpack from this build needs a CPU with -march=${LOGITLAB_MARCH} "
                 "(configure with -DLOGITLAB_ARCH= for any x86-64)")
endif()
include(CPack)
