// SPDX-License-Identifier: GPL-3.0-or-later
/** \file Responsiveness benchmark of the Training lab (prints, does not assert): while the course
 * network trains at full speed in the page, a 5 ms probe timer on the GUI thread measures how
 * late the event loop serves it (latency), and the loss plot's afterReplot signal counts redraws.
 * Usage: bench_trainingpage [seconds=10] [width height]; QT_QPA_PLATFORM=offscreen works. */
#include "training/trainingcontrols.h"
#include "training/trainingcurves.h"
#include "training/trainingpage.h"
#include "training/trainingsession.h"

#include "plots/plotpanel.h"
#include "plots/qcp.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QMainWindow>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace logitlab::ui;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("LogitLabBench"));
    QApplication::setApplicationName(QStringLiteral("bench_trainingpage"));
    QSettings().clear();
    const double seconds = argc > 1 ? std::atof(argv[1]) : 10.0;
    const int width = argc > 3 ? std::atoi(argv[2]) : 1920, height = argc > 3 ? std::atoi(argv[3]) : 1080;

    QMainWindow window;
    auto *page = new TrainingPage;
    window.setCentralWidget(page);
    window.resize(width, height);
    window.show();
    QComboBox *preset = page->controls()->presetBox();
    preset->setCurrentIndex(preset->findData(QStringLiteral("course")));
    page->reset();
    while (page->isBusy() || !page->latestView())
        QApplication::processEvents(QEventLoop::AllEvents, 5);
    page->epochLimitBox()->setValue(0);

    long long frames = 0;
    QObject::connect(page->curves()->lossPanel()->plot(), &QCustomPlot::afterReplot, [&] { ++frames; });
    std::vector<double> late;
    QElapsedTimer clock;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(5);
    qint64 expected = 0;
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        late.push_back(std::max<qint64>(0, now - expected) / 1e6);
        expected = now + 5'000'000;
    });

    std::printf(
        "training the course network (784-25-15-10, twins softmax/from_logits, float32) for %.0f s in a %dx%d window\n",
        seconds, width, height);
    page->play();
    clock.start();
    expected = 5'000'000;
    probe.start();
    const qint64 startFrames = frames;
    QTimer::singleShot(int(seconds * 1000), &app, &QApplication::quit);
    QApplication::exec();
    const double elapsed = clock.nsecsElapsed() / 1e9;
    const long long steps = page->session()->state().step;
    page->pause();

    std::sort(late.begin(), late.end());
    const auto pct = [&](double q) { return late.empty() ? 0.0 : late[std::size_t(q * double(late.size() - 1))]; };
    std::printf(
        "event-loop latency (lateness of a 5 ms timer, %zu samples): median %.2f ms, p99 %.2f ms, max %.2f ms\n",
        late.size(), pct(0.5), pct(0.99), late.empty() ? 0.0 : late.back());
    std::printf("loss-plot redraws: %.1f per second (%lld in %.1f s); curve redraw calls %lld\n",
        double(frames - startFrames) / elapsed, frames - startFrames, elapsed, page->replotCount());
    std::printf("training: %lld lockstep steps (%.0f per second, %.1f epochs of each run)\n", steps,
        double(steps) / elapsed, double(steps) / 250.0);
    return 0;
}
