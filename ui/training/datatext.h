// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The words and the bytes around core's training data (core/training/trainingdata.h): the
 * embedded MNIST-10k files read from Qt resources, the description of loaded data and every
 * data error in words. Qt Core only, so the window and logitlab-cli share one wording (the window
 * translates it; the CLI has no translator and prints the English source).
 */
#include "training/trainingdata.h"

#include <QString>

namespace logitlab::ui {

/** Reads embedded files from the resources under ":/mnist-10k/". */
ByteSource resourceBytes();

/** What is wrong with an IDX file, completing "FILE ..." (e.g. "is shorter than its header says"). */
QString idxErrorText(IdxError e);

/** The whole sentence for a failed load of \a spec. */
QString dataErrorText(const DataLoad &load, const DataSpec &spec);

/** E.g. "MNIST-10k (embedded), 4 vs 9: 1991 train / 491 test". */
QString dataDescription(const SessionData &data);

/** The two-class task in words ("4 vs 9", "3 vs rest"), empty for all classes. */
QString taskText(const SessionData &data);

} // namespace logitlab::ui
