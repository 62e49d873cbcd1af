// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The values that travel between the Training lab's page (GUI thread) and its worker thread are
 * core's (core/training/sessiontypes.h, core/lab/traininglab.h); this declares them to Qt's
 * meta-type system so queued signals can carry them.
 */
#include "lab/traininglab.h"
#include "training/sessiontypes.h"
#include "training/trainingdata.h"

#include <QMetaType>

#include <memory>

namespace logitlab::ui {

using SessionDataPtr = std::shared_ptr<const SessionData>;

} // namespace logitlab::ui

Q_DECLARE_METATYPE(logitlab::TrainingUpdate)
Q_DECLARE_METATYPE(logitlab::SessionState)
Q_DECLARE_METATYPE(logitlab::ModelViewPtr)
Q_DECLARE_METATYPE(logitlab::ui::SessionDataPtr)
