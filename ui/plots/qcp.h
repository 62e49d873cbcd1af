// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * Includes QCustomPlot in our QT_NO_KEYWORDS targets: its header uses the lower-case keywords
 * (signals, slots, emit, foreach), which we map to the Q_ macros for the duration of the include.
 */
#include <QtGlobal>

#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef emit
#undef foreach
