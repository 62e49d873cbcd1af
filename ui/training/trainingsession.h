// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The thread adapter of core's TwinSession (core/training/twinsession.h, which holds the lockstep
 * runs, step back, events and model views): a worker object on its own QThread drives the
 * session, and a GUI-thread facade posts commands to it.
 *
 * While playing, the worker trains in chunks of at most ~15 ms and returns to its event loop in
 * between, so queued commands (pause, step, reset) run within one chunk; an atomic interrupt
 * flag, checked between batches, ends the chunk at once. Results leave the worker through
 * queued signals, coalesced to about 40 per second whatever the training speed; model views
 * (parameters, confusion matrix, gallery...) about twice a second and after every command.
 */
#include "training/trainingtypes.h"
#include "training/twinsession.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

class QTimer;

namespace logitlab::ui {

/** \brief Trains the runs of a session; lives on the session's thread. Not for direct use. */
class TrainingWorker : public QObject {
    Q_OBJECT
public:
    explicit TrainingWorker(std::atomic<bool> *interrupt);
    ~TrainingWorker() override;

    // Commands, called on the worker thread (queued by TrainingSession).
    void setup(const TrainingLab &lab);
    void play();
    void pause();
    void stepBatches(long long n);
    void stepEpoch();
    void stepBack(int n);
    void setSpeed(int batchesPerSecond);
    void setEpochLimit(int epochs);
    void setInspectedSample(int index);
    void classify(const std::vector<float> &row);
    void requestView();

Q_SIGNALS:
    void dataReady(logitlab::ui::SessionDataPtr data);
    void failed(const QString &message);
    void updated(const logitlab::TrainingUpdate &update);
    void stateChanged(const logitlab::SessionState &state);
    void viewReady(const logitlab::ModelViewPtr &view);
    /** Step-back went back to \a step: every point and event after it is gone. */
    void rewound(long long step);
    void classified(const QVector<double> &a, const QVector<double> &b);
    /** A command has run (emitted last, after its results). */
    void commandDone();
    /** setup() has begun: everything emitted before belongs to an older session. */
    void setupBegins();

private:
    void tick();
    void flush(bool force);
    void emitView();
    SessionState state() const;

    std::atomic<bool> *m_interrupt;
    QTimer *m_timer = nullptr;
    TwinSession m_session;
    bool m_playing = false;
    int m_speed = 0; // batches per second, 0 = as fast as possible
    int m_inspected = 0;
    QElapsedTimer m_playClock;
    long long m_playStartStep = 0;
    QElapsedTimer m_lastFlush, m_lastView;
};

/**
 * \brief GUI-thread handle of a training session: posts commands to the worker thread and
 * re-emits its signals; the destructor interrupts the worker and waits for its thread.
 */
class TrainingSession : public QObject {
    Q_OBJECT
public:
    explicit TrainingSession(QObject *parent = nullptr);
    ~TrainingSession() override;

    void setup(const TrainingLab &lab);
    void play();
    void pause();
    void stepBatches(long long n = 1);
    void stepEpoch();
    void stepBack(int n = 1);
    void setSpeed(int batchesPerSecond);
    void setEpochLimit(int epochs);
    void setInspectedSample(int index);
    void classify(const std::vector<float> &row);
    void requestView();

    const SessionState &state() const { return m_state; }
    SessionDataPtr data() const { return m_data; }
    /** True from a command until the worker reports the resulting state. */
    bool isBusy() const { return m_outstanding > 0; }

Q_SIGNALS:
    void dataReady(logitlab::ui::SessionDataPtr data);
    void failed(const QString &message);
    void updated(const logitlab::TrainingUpdate &update);
    void stateChanged(const logitlab::SessionState &state);
    void viewReady(const logitlab::ModelViewPtr &view);
    void rewound(long long step);
    void classified(const QVector<double> &a, const QVector<double> &b);

private:
    template <class Fn> void post(Fn &&fn, bool interrupt);

    QThread m_thread;
    std::atomic<bool> m_interrupt {false};
    TrainingWorker *m_worker = nullptr;
    SessionState m_state;
    SessionDataPtr m_data;
    int m_outstanding = 0;
    int m_pendingSetups = 0; // results of older sessions still queued are dropped
};

} // namespace logitlab::ui
