// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The Training lab's engine: run A and twin B trained in lockstep (batch k of A, then batch k of
 * B) from the same initial weights and batches, a bounded history of snapshots for a bit-exact
 * step back, evaluation points after every epoch, the events worth a sentence, and the model
 * views (confusion matrix, gallery, step inspector, decision boundary).
 *
 * Synchronous and single-threaded: the window drives it from a worker thread (with its own play
 * loop and interrupt flag), the command line drives it directly. Results accumulate until
 * takeUpdate().
 */
#include "lab/traininglab.h"
#include "training/sessiontypes.h"
#include "training/trainingdata.h"

#include <functional>
#include <memory>

namespace logitlab {

class RunEngine;

/** \brief Why setup() failed. */
struct SessionSetupError {
    DataLoad data; ///< data.error != None: the data could not be loaded
    int run = -1; ///< 0 or 1: that run's configuration does not fit the data (config says why)
    TrainConfigError config = TrainConfigError::None;
    bool ok() const { return data.ok() && config == TrainConfigError::None; }
};

/** \brief Lockstep twin runs with step back (see the file comment). */
class TwinSession {
public:
    /** Snapshots kept for step-back (at most; fewer for big networks, see historyLimit()). */
    static constexpr int maxHistory = 100;
    /** Memory the snapshots of all runs may take together. */
    static constexpr long long historyBudgetBytes = 512LL << 20;
    /** Test samples in the gallery (round-robin over the classes). */
    static constexpr int gallerySize = 16;
    /** Decision-boundary grid (per side) on 2-D data. */
    static constexpr int boundaryGrid = 100;

    TwinSession();
    ~TwinSession();
    TwinSession(const TwinSession &) = delete;
    TwinSession &operator=(const TwinSession &) = delete;

    /**
     * Loads the data of \a lab and sets up run A (and twin B if lab.twin), evaluated at step 0
     * (epoch point 0 in the next update). On failure the session is empty and the error says why.
     */
    SessionSetupError setup(const TrainingLab &lab, const ByteSource &embedded);

    /** A session is set up. */
    bool ready() const { return m_runCount > 0; }
    int runCount() const { return m_runCount; }
    /** The effective configuration of run \a i (B's: A's with B's differences). */
    const TrainConfig &config(int run) const { return m_configs[run]; }
    std::shared_ptr<const SessionData> data() const { return m_data; }

    /** One lockstep batch of every run. */
    void step();
    /**
     * Steps until the current epoch ends, a run stops (NonFinitePolicy::Stop) or \a interrupted()
     * says so (polled between batches). Returns true if the epoch ended.
     */
    bool stepEpoch(const std::function<bool()> &interrupted = {});
    /** Goes back up to \a n steps (bit-exact); returns how many. Points after the new step are obsolete. */
    int stepBack(int n = 1);

    /**
     * How many steps can be undone: maxHistory, fewer if that many snapshots of these networks
     * would exceed historyBudgetBytes, 0 after setHistoryLimit(0) (the CLI, which never steps back).
     */
    int historyLimit() const { return m_historyLimit; }
    /** Caps the history at \a steps (at most the budget's); 0 turns snapshots off. */
    void setHistoryLimit(int steps);

    /** Epoch limit for limitReached() (0: none). */
    void setEpochLimit(int epochs) { m_epochLimit = epochs < 0 ? 0 : epochs; }
    bool limitReached() const { return m_epochLimit > 0 && m_epoch >= m_epochLimit; }
    /**
     * A run stopped (NonFinitePolicy::Stop): stepping further does nothing. The epoch it stopped
     * in gets an evaluation point of its batches so far (epoch = the epoch in progress).
     */
    bool stopped() const;
    /** Run \a run itself stopped (its NaN/inf batch under NonFinitePolicy::Stop). */
    bool runStopped(int run) const;

    long long stepCount() const { return m_step; }
    int epoch() const { return m_epoch; }
    SessionState state() const;

    /** Everything since the last call: batch and epoch points, events. */
    TrainingUpdate takeUpdate();

    /** The model views now, with test sample \a inspected in the step inspector (clamped). */
    ModelViewPtr view(int inspected) const;
    /** Probabilities of run \a run for one input row (empty if its width is not the data's). */
    std::vector<double> classify(int run, const std::vector<float> &row) const;
    /** Run \a run on the test set now: the test fields of an EpochPoint (no model views computed). */
    EpochPoint testPoint(int run) const;
    /** All parameters of run \a run, exactly. */
    std::vector<double> parameters(int run) const;

private:
    /** Appends run \a run's evaluation point for \a epoch (0: initial; partial: the epoch in progress). */
    void evaluatePoint(int run, int epoch, bool partial = false);
    void noteSaturation(int epochIndex);

    std::shared_ptr<const SessionData> m_data;
    std::unique_ptr<RunEngine> m_runs[2];
    TrainConfig m_configs[2];
    int m_runCount = 0;
    long long m_step = 0;
    int m_epoch = 0;
    int m_history = 0;
    int m_historyCap = maxHistory; ///< what setHistoryLimit() asked for
    int m_historyLimit = 0; ///< min(m_historyCap, the memory budget's)
    int m_epochLimit = 0;
    TrainingUpdate m_pending;
    long long m_nonFiniteStep[2] = {0, 0}; ///< step of each run's first NaN/inf batch (0: none yet)
    long long m_saturationStep[2] = {-1, -1}; ///< step of each run's first saturation point (-1: none yet)
    std::unique_ptr<ModelView> m_frame; ///< the gallery and boundary grid of the data
    std::vector<double> m_weights[2]; ///< both runs' parameters, reused by every step's weight difference
};

} // namespace logitlab
