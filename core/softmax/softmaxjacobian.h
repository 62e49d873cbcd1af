// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The Jacobian of the softmax, ds_i/dz_j, in any format: what the softmax lab shows and what
 * the cross-entropy's gradient on the probability paths goes back through.
 */
#include "softmax/softmax.h"

#include <Eigen/Core>

namespace logitlab {

/**
 * The softmax Jacobian J = diag(s) - s s^T, J_ij = s_i (delta_ij - s_j), of the shifted softmax
 * s of \a z, evaluated in the format from the rounded s: J_ij (i != j) is one rounded product
 * (0.5 u relative); J_ii = s_i - s_i^2 adds one subtraction, which cancels as s_i -> 1.
 */
template <class Scalar>
Eigen::Array<Scalar, Eigen::Dynamic, Eigen::Dynamic> softmaxJacobian(const Eigen::Ref<const Vector<Scalar>> &z)
{
    Vector<Scalar> s(z.size());
    shiftedSoftmax<Scalar>(z, s);
    Eigen::Array<Scalar, Eigen::Dynamic, Eigen::Dynamic> J(z.size(), z.size());
    for (Eigen::Index i = 0; i < z.size(); ++i)
        for (Eigen::Index j = 0; j < z.size(); ++j)
            J(i, j) = i == j ? Scalar(s[i] - Scalar(s[i] * s[j])) : Scalar(-Scalar(s[i] * s[j]));
    return J;
}

} // namespace logitlab
