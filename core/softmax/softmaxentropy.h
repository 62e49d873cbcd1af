// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The Shannon entropy H(p) = -sum p_i ln p_i of p = softmax(z), computed from the logits with
 * MPFR (the shifted form below, which never cancels) and checked, as the softmax reference is,
 * to round to one value in every one of our formats (Ziv's strategy).
 */
#include <mpreal.h>

#include <cstddef>
#include <vector>

namespace logitlab {

/** \brief The entropy of softmax(z), exact to the working precision, in nats and in bits. */
struct SoftmaxEntropy {
    mpfr::mpreal nats; ///< H = -sum p_i ln p_i (NaN when z has no distribution)
    mpfr::mpreal bits; ///< H / ln 2
    mpfr_prec_t precision = 0; ///< bits at which both rounded stably
};

/**
 * The entropy of softmax(\a z) for logits \a z (values of any of our formats; exact in long
 * double). With m = max z and S = sum_j exp(z_j - m), ln p_i = (z_i - m) - ln S, so
 *
 *     H = -sum p_i ln p_i = ln S + sum p_i (m - z_i)          (sum p_i = 1)
 *       = (m + ln S) - sum p_i z_i = logsumexp(z) - sum p_i z_i.
 *
 * The last form (the textbook's, with z/T for a temperature T) subtracts two numbers near m:
 * for z = [1e8, 1e8 + 1] both are about 1e8 and H = 0.58 keeps 8 fewer digits. The shifted
 * form adds ln S >= 0 and p_i (m - z_i) >= 0, so nothing cancels; it is what is computed here
 * (ln S as log1p of the sum without the max's term, 1). Limits, as the softmax reference's: a
 * NaN logit, every logit -inf, or an empty vector gives NaN; with k > 0 logits +inf, p is 1/k
 * on them and H = ln k; -inf logits have p_i = 0 and add 0 (0 ln 0 = 0 in the limit).
 * H lies in [0, ln K] for K logits: 0 for one certain class, ln K when all are equal.
 */
SoftmaxEntropy softmaxEntropyReference(const std::vector<long double> &z);

} // namespace logitlab
