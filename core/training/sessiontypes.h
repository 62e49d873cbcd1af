// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The values a twin training session produces: what each batch and epoch did, the events worth
 * a sentence (the first NaN, saturation), the session's state and the model views. Plain
 * copyable values; the front ends word and draw them.
 */
#include "nn/outputhead.h"
#include "precision/format.h"

#include <limits>
#include <memory>
#include <vector>

namespace logitlab {

/** \brief One batch of one run, as the curves need it. */
struct BatchPoint {
    long long step = 0; ///< 1-based global batch count after this batch
    double loss = 0.0;
    double accuracy = 0.0; ///< fraction right in the batch (before the update)
    double learningRate = 0.0;
    double maxAbsLogit = 0.0;
    long long nonFiniteLosses = 0;
    long long nonFiniteGradients = 0;
    long long flushedGradients = 0; ///< weight and bias gradients flushed to zero
    double lossScale = 1.0; ///< the loss scale the batch used (1 without scaling)
    bool skipped = false; ///< dynamic loss scaling skipped the update (an inf/NaN gradient)
    std::vector<double> lostUpdates; ///< per layer: nonzero steps that left the weight unchanged / nonzero steps
    std::vector<double> updateRatio; ///< per layer: ||dw|| / ||w||
    /** Run B only: max |w_A − w_B| over all weights after this batch (NaN if the shapes differ). */
    double weightDiff = std::numeric_limits<double>::quiet_NaN();
};

/** \brief An evaluation point: after an epoch, or at step 0 before training. */
struct EpochPoint {
    int epoch = 0; ///< completed epochs (0: the initial weights)
    long long step = 0;
    double learningRate = 0.0; ///< the rate of the epoch's batches (epoch 0: the first epoch's)
    double trainLoss = 0.0; ///< mean batch loss over the epoch (epoch 0: the whole training set)
    double trainAccuracy = 0.0;
    double testLoss = 0.0;
    double testAccuracy = 0.0;
    double seconds = 0.0; ///< wall time of the epoch's training steps (evaluation excluded)
    double maxAbsLogit = 0.0; ///< largest |logit| seen in training this epoch
    long long nanEvents = 0; ///< batches with a NaN/inf loss or gradient
    long long testNonFinite = 0; ///< test samples whose loss is NaN/inf
    long long deadSamples = 0; ///< misclassified test samples with a gradient of exactly 0
    double lossScale = 1.0; ///< the loss scale at the end of the epoch
    long long skippedSteps = 0; ///< updates skipped by dynamic loss scaling
    long long flushedGradients = 0; ///< gradients flushed to zero
    long long overflowGradients = 0; ///< gradients that were inf/NaN (before any skip)
    std::vector<double> lostUpdates; ///< per layer, over the epoch (see BatchPoint)
    std::vector<double> updateRatio; ///< per layer, the epoch's mean
};

/** \brief What an event is about. */
enum class SessionEventKind {
    NonFinite, ///< the run's first batch with a NaN/inf loss or gradient
    Saturation ///< the first evaluation with misclassified test samples whose gradient is exactly 0
};

/** \brief An event worth a sentence, once per run and kind (re-armed when step-back undoes it). */
struct SessionEvent {
    SessionEventKind kind = SessionEventKind::NonFinite;
    int run = 0; ///< 0 = A, 1 = B
    long long step = 0; ///< the batch (NonFinite) or evaluation point (Saturation)
    // NonFinite
    bool lossNonFinite = false; ///< the loss itself was NaN/inf (else only gradients were)
    double loss = 0.0; ///< the batch's mean loss
    bool otherClean = true; ///< the other run (if any) has had no NaN/inf batch so far
    // Saturation
    long long dead = 0; ///< misclassified test samples with a zero gradient
    long long total = 0; ///< test samples
    long long otherDead = 0; ///< the other run's count at the same point (0 if none)
};

/** \brief What happened since the last time the front end took it, for both runs. */
struct TrainingUpdate {
    std::vector<BatchPoint> batches[2];
    std::vector<EpochPoint> epochs[2];
    std::vector<SessionEvent> events;
    bool empty() const
    {
        return batches[0].empty() && batches[1].empty() && epochs[0].empty() && epochs[1].empty() && events.empty();
    }
};

/** \brief The state of the session. */
struct SessionState {
    bool ready = false; ///< a session is set up
    bool playing = false; ///< the front end's play loop runs (set by the thread adapter)
    long long step = 0; ///< batches done (same for both runs)
    int epoch = 0; ///< completed epochs
    long long batchesPerEpoch = 0;
    int historyDepth = 0; ///< how many step-backs are possible
    bool limitReached = false; ///< the epoch limit is reached
    bool stopped = false; ///< a run stopped (NonFinitePolicy::Stop)
};

/** \brief The model views of one run at one step. */
struct RunView {
    Head head = Head::Logits;
    Format format = Format::Float32;
    std::vector<int> sizes; ///< layer widths, input first
    std::vector<double> parameters; ///< all parameters, exactly (float widens exactly to double)
    std::vector<int> confusion; ///< classes x classes: row = true class, column = predicted
    std::vector<double> galleryProbs; ///< gallery size x classes
    std::vector<int> galleryPredicted;
    // Step inspector for one test sample: the head's logits, probabilities, loss and dLoss/dz
    std::vector<double> logits, probs, gradient;
    double loss = 0.0;
    // Decision boundary on the 2-D sets: boundarySize^2 predicted classes and confidences
    std::vector<double> boundaryClass, boundaryConfidence;
    double testLoss = 0.0, testAccuracy = 0.0;
    long long deadSamples = 0, testNonFinite = 0;
};

/** \brief The model views of all runs at one step. */
struct ModelView {
    long long step = 0;
    int classes = 0;
    int runCount = 0;
    RunView runs[2];
    std::vector<int> galleryIndices; ///< test samples shown in the gallery
    int inspectedSample = 0;
    int inspectedLabel = 0;
    int boundarySize = 0; ///< 0 when the data is not 2-D
    double boundaryX0 = 0, boundaryX1 = 0, boundaryY0 = 0, boundaryY1 = 0;
};

using ModelViewPtr = std::shared_ptr<const ModelView>;

} // namespace logitlab
