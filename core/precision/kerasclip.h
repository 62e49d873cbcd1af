// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * Keras's clip of probabilities, clip(p, eps, 1 - eps) with eps = keras.backend.epsilon() = 1e-7,
 * in any format. One definition for the losses (crossentropy.h, binarycrossentropy.h) and the
 * training heads (nn/outputhead.h), so neither depends on the other for it.
 */
#include "precision/mpfrutil.h"
#include "precision/scalar.h"

#include <Eigen/Core>

namespace logitlab {

/** Keras's epsilon 1e-7 (keras.backend.epsilon()) correctly rounded to the format, as Keras does per dtype. */
template <class Scalar> Scalar kerasEpsilon()
{
    static const Scalar eps = fromLongDouble<Scalar>(*decimalToFormat("1e-7", formatOf<Scalar>));
    return eps;
}

/** clip(p, eps, 1 - eps) with Keras's bounds; 1 - eps is computed in the format. NaN stays NaN. */
template <class Scalar> Scalar kerasClip(Scalar p)
{
    const Scalar eps = kerasEpsilon<Scalar>();
    const Scalar hi = Scalar(Scalar(1) - eps);
    if (Eigen::numext::isnan(p))
        return p;
    return p < eps ? eps : (p > hi ? hi : p);
}

} // namespace logitlab
