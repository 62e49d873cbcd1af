// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * Two-class tasks cut out of a multi-class set, for the sigmoid heads: one class against all
 * the others, or one class against another.
 */
#include "data/dataset.h"

namespace logitlab {

/** Every sample; label 1 where the original label is \a positive, else 0. */
Dataset oneVsRest(const Dataset &d, int positive);

/** Only the samples of classes \a negative and \a positive; label 1 for \a positive, 0 for \a negative. */
Dataset twoClasses(const Dataset &d, int negative, int positive);

} // namespace logitlab
