// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * What the loss lab shows for one sample: each way of computing the cross-entropy (sparse
 * categorical or binary) in one format, its gradient, and the MPFR reference.
 */
#include "losses/binarycrossentropy.h"
#include "losses/crossentropy.h"
#include "precision/format.h"

#include <mpreal.h>

#include <string_view>
#include <vector>

namespace logitlab {

inline constexpr std::array<CrossEntropyMethod, 4> allCrossEntropyMethods {CrossEntropyMethod::Naive,
    CrossEntropyMethod::Probabilities, CrossEntropyMethod::Clipped, CrossEntropyMethod::FromLogits};
inline constexpr std::array<BceMethod, 3> allBceMethods {BceMethod::Naive, BceMethod::Clipped, BceMethod::FromLogits};

/** "naive", "probabilities", "clipped", "from_logits". */
std::string_view crossEntropyMethodKey(CrossEntropyMethod m);
/** "naive", "clipped", "from_logits". */
std::string_view bceMethodKey(BceMethod m);

/** \brief One way of computing a loss: its value, error and gradient. */
struct LossMethodResult {
    long double loss = 0;
    double ulpError = 0; ///< |loss - reference| in ULPs of the format at the reference
    std::vector<long double> gradient; ///< dL/dz as computed (one entry for BCE)
};

/** \brief Sparse categorical cross-entropy of one sample in one format. */
struct CrossEntropyReport {
    Format format {};
    std::vector<long double> logits; ///< rounded to the format
    std::size_t label = 0;
    mpfr::mpreal reference; ///< logsumexp(z) - z_k, exact
    long double referenceRounded = 0; ///< correctly rounded to the format
    std::vector<mpfr::mpreal> referenceGradient; ///< softmax(z) - onehot(k), exact
    std::vector<LossMethodResult> methods; ///< in allCrossEntropyMethods order
};

/** \brief Binary cross-entropy of one logit and label in one format. */
struct BceReport {
    Format format {};
    long double logit = 0; ///< rounded to the format
    long double label = 0; ///< rounded to the format, in [0, 1]
    mpfr::mpreal reference; ///< max(z,0) - z y + log1p(exp(-|z|)), exact
    long double referenceRounded = 0;
    mpfr::mpreal referenceGradient; ///< sigmoid(z) - y, exact
    std::vector<LossMethodResult> methods; ///< in allBceMethods order
};

/** Requires label < logits.size() (the CLI and UI check it first). */
CrossEntropyReport computeCrossEntropyReport(const std::vector<long double> &logits, std::size_t label, Format f);

/** \a logit and \a label are values of \a f; label in [0, 1] (NaN allowed: everything is NaN). */
BceReport computeBceReport(long double logit, long double label, Format f);

/** \brief Where Keras's clip holds the binary cross-entropy flat, at each end of the z axis. */
struct BcePlateaus {
    long double low = 0; ///< z -> -inf: sigmoid 0 clipped up to 1e-7; 16.118 for y = 1 in float32
    long double high = 0; ///< z -> +inf: sigmoid 1 clipped down to 1 - 1e-7; 15.94 for y = 0 in float32
};

/**
 * The clipped BCE (binaryCrossEntropy with BceMethod::Clipped) of label \a y at z = -inf and
 * z = +inf in \a f. Where 1 - 1e-7 rounds to 1 (float16, bfloat16) the high plateau is inf.
 */
BcePlateaus clippedBcePlateaus(long double y, Format f);

/** The exact binary cross-entropy and its gradient, Ziv-checked to round correctly in every format. */
struct BceReference {
    mpfr::mpreal loss;
    mpfr::mpreal gradient;
};
BceReference bceReference(long double logit, long double label);

} // namespace logitlab
