#pragma once
/** \file
 * The values that travel between the Training lab's page (GUI thread) and its worker thread:
 * what to train, what each batch and epoch did, and what the model views show. All are plain
 * copyable values; the big ones travel as shared pointers to const.
 */
#include "data/dataset.h"
#include "data/synthetic.h"
#include "nn/activation.h"
#include "nn/outputhead.h"
#include "nn/trainconfig.h"

#include <QMetaType>
#include <QString>
#include <QVector>

#include <limits>
#include <memory>
#include <vector>

namespace logitlab::ui {

/** \brief Where the training data comes from. */
enum class DataSource { Mnist, IdxDirectory, Synthetic };

/** \brief Everything that defines a (twin) training session. */
struct SessionSetup {
    DataSource source = DataSource::Mnist;
    QString idxPath; ///< for IdxDirectory
    SyntheticKind synthetic = SyntheticKind::Spiral;
    double noise = 0.1; ///< for Synthetic
    int binaryNegative = -1; ///< two-class task: this class becomes 0 (-1: one vs rest)
    int binaryPositive = -1; ///< this class becomes 1 (-1: all classes)
    TrainConfig a; ///< run A
    bool twin = true; ///< train run B alongside
    TrainConfig b; ///< run B: same layers, init, seed and batch size as A
};

/** \brief One batch of one run, as the curves need it. */
struct BatchPoint {
    long long step = 0; ///< 1-based global batch count after this batch
    double loss = 0.0;
    double accuracy = 0.0; ///< fraction right in the batch (before the update)
    double learningRate = 0.0;
    double maxAbsLogit = 0.0;
    long long nonFiniteLosses = 0;
    long long nonFiniteGradients = 0;
    /** Run B only: max |w_A − w_B| over all weights after this batch (NaN if the shapes differ). */
    double weightDiff = std::numeric_limits<double>::quiet_NaN();
};

/** \brief An evaluation point: after an epoch, or at step 0 before training. */
struct EpochPoint {
    int epoch = 0; ///< completed epochs (0: the initial weights)
    long long step = 0;
    double trainLoss = 0.0; ///< the engine's epoch record (for epoch 0: the whole training set)
    double trainAccuracy = 0.0;
    double testLoss = 0.0;
    double testAccuracy = 0.0;
    long long nanEvents = 0;
    long long testNonFinite = 0;
    long long deadSamples = 0; ///< misclassified test samples with a gradient of exactly 0
};

/** \brief What arrived since the last update, for both runs. */
struct TrainingUpdate {
    QVector<BatchPoint> batches[2];
    QVector<EpochPoint> epochs[2];
};

/** \brief The state of the session after a command or while playing. */
struct SessionState {
    bool ready = false; ///< a session is set up
    bool playing = false;
    long long step = 0; ///< batches done (same for both runs)
    int epoch = 0; ///< completed epochs
    long long batchesPerEpoch = 0;
    int historyDepth = 0; ///< how many step-backs are possible
    bool limitReached = false;
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
    // Step inspector for one test sample
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

/** \brief The data the session trains on, shared read-only with the views. */
struct SessionData {
    DataSplit split;
    QString description; ///< e.g. "MNIST-10k: 8000 train / 2000 test"
};

using ModelViewPtr = std::shared_ptr<const ModelView>;
using SessionDataPtr = std::shared_ptr<const SessionData>;

} // namespace logitlab::ui

Q_DECLARE_METATYPE(logitlab::ui::TrainingUpdate)
Q_DECLARE_METATYPE(logitlab::ui::SessionState)
Q_DECLARE_METATYPE(logitlab::ui::ModelViewPtr)
Q_DECLARE_METATYPE(logitlab::ui::SessionDataPtr)
