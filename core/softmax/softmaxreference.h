// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The exact softmax, log-softmax and log-sum-exp of a vector of format values, computed with
 * MPFR and checked to be correctly rounded in every one of our formats (Ziv's strategy: an
 * error bound around the high-precision value, precision doubled until the whole interval
 * rounds to one value).
 */
#include "precision/format.h"

#include <mpreal.h>
#include <vector>

namespace logitlab {

/** \brief Exact (to the working precision) softmax quantities of one vector. */
struct SoftmaxReference {
    std::vector<mpfr::mpreal> softmax; ///< p_i
    std::vector<mpfr::mpreal> logSoftmax; ///< log p_i (-inf where p_i = 0 in the limit)
    mpfr::mpreal logSumExp; ///< log sum_j exp(z_j)
    mpfr_prec_t precision = 0; ///< bits at which every value rounded stably
};

/**
 * Reference for logits \a z (values of any of our formats; exact in long double).
 * Non-finite inputs follow the limits: a NaN makes everything NaN; with m > 0 entries equal to
 * +inf those get 1/m and the rest 0; -inf entries get 0 (log -inf); all -inf is NaN (0/0).
 * An empty vector gives empty results and logSumExp = -inf.
 */
SoftmaxReference softmaxReference(const std::vector<long double> &z);

} // namespace logitlab
