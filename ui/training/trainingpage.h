// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The Training lab: trains run A and its twin run B live or step by step on a worker thread and
 * shows their loss, accuracy and learning rate, NaN/inf and saturation events in plain words,
 * and model views (weights, confusion, gallery, step inspector, decision boundary, drawing).
 * Keys: Space play/pause, Right step, Left step back, R reset.
 */
#include "pages/labpage.h"
#include "training/trainingtypes.h"

#include <QElapsedTimer>

class QFrame;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;
class QTabWidget;
class QScrollArea;
class QToolButton;
class QTimer;

namespace logitlab::ui {

class BoundaryView;
class ConfusionView;
class DrawingCanvas;
class GalleryView;
class InspectorView;
class PlotPanel;
class TwinDifference;
class TrainingControls;
class TrainingCurves;
class TrainingSession;
class WeightsView;

/** \brief The Training lab page. */
class TrainingPage : public LabPage {
    Q_OBJECT
public:
    explicit TrainingPage(QWidget *parent = nullptr);
    ~TrainingPage() override;

    void setFormat(Format f) override;
    Format format() const override;
    QList<PlotPanel *> plots() const override;
    QList<QWidget *> resultViews() const override;
    void saveSettings() const override;
    void restoreSettings() override;
    bool isBusy() const override;

    // Transport (also bound to Space, Right, Left, R and the buttons).
    void play();
    void pause();
    void togglePlay();
    void stepBatch();
    void stepEpoch();
    void stepBack();
    void reset();

    /** The lab the form describes (what reset() trains). */
    TrainingLab lab() const;
    /** Fills the form with \a lab, sets the runs up and trains \a steps batches (a lesson's scene). */
    void setLab(const TrainingLab &lab, long long steps = 0);
    /** Batches trained so far in the current session (both runs in lockstep). */
    long long trainedSteps() const;

    /** Speed slider positions map to batches per second (0 = as fast as possible). */
    static int speedForPosition(int position);

    TrainingControls *controls() const { return m_controls; }
    TrainingCurves *curves() const { return m_curves; }
    TwinDifference *difference() const { return m_difference; }
    TrainingSession *session() const { return m_session; }
    QSlider *speedSlider() const { return m_speed; }
    QSpinBox *epochLimitBox() const { return m_epochLimit; }
    QTabWidget *viewTabs() const { return m_tabs; }
    DrawingCanvas *canvas() const { return m_canvas; }
    /** The latest model view received (null before the first). */
    ModelViewPtr latestView() const { return m_view; }
    /** The plain-words account of the NaN/inf/saturation events so far ("" if none). */
    QString eventText() const;
    /** The event banner (hidden while there is no event) and its "more"/"less" button. */
    QFrame *eventBanner() const { return m_banner; }
    QToolButton *eventBannerMore() const { return m_bannerMore; }
    /** How many times the curves were redrawn (for the frame-rate benchmark). */
    long long replotCount() const { return m_replots; }
    /** Steps \a steps batches, waits for the result and redraws everything (screenshots). */
    void trainForScreenshot(long long steps);

Q_SIGNALS:
    /** A new model view arrived and was shown. */
    void viewShown();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void onState(const SessionState &s);
    void onUpdate(const TrainingUpdate &u);
    void onView(const ModelViewPtr &v);
    void onFrame();
    void showCurrentView();
    void updateBanner();
    void clearViews();
    /** The settings panel's width: its controls' minimum (a little more at 100 %). */
    void updateSettingsWidth();
    /** Shows the settings if they fit beside the plots on this screen, else hides them. */
    void fitSettingsToScreen();
    /** One line of the banner's text, or all of it when "more" is checked. */
    void foldBanner();
    void classifyCanvas();

    Format m_format = Format::Float32;
    TrainingSession *m_session = nullptr;
    TrainingControls *m_controls = nullptr;
    TrainingCurves *m_curves = nullptr;
    WeightsView *m_weights = nullptr;
    ConfusionView *m_confusion = nullptr;
    GalleryView *m_gallery = nullptr;
    InspectorView *m_inspector = nullptr;
    BoundaryView *m_boundary = nullptr;
    DrawingCanvas *m_canvas = nullptr;
    PlotPanel *m_canvasBars = nullptr;
    QTabWidget *m_tabs = nullptr;
    TwinDifference *m_difference = nullptr;
    QScrollArea *m_settingsScroll = nullptr;
    QScrollArea *m_viewsScroll = nullptr;
    QToolButton *m_settingsButton = nullptr;
    bool m_settingsFitted = false; ///< fitSettingsToScreen() ran for the current font
    bool m_settingsChosen = false; ///< the user toggled the settings: keep their choice
    QPushButton *m_playButton = nullptr, *m_stepButton = nullptr, *m_epochButton = nullptr, *m_backButton = nullptr,
                *m_resetButton = nullptr;
    QSlider *m_speed = nullptr;
    QLabel *m_speedLabel = nullptr, *m_status = nullptr, *m_bannerText = nullptr, *m_dataLabel = nullptr;
    QFrame *m_banner = nullptr; ///< the orange event banner: one line, "more" shows the whole account
    QToolButton *m_bannerMore = nullptr;
    QSpinBox *m_epochLimit = nullptr;
    QTimer *m_frameTimer = nullptr, *m_resetTimer = nullptr, *m_canvasTimer = nullptr;
    SessionDataPtr m_data;
    ModelViewPtr m_view;
    bool m_viewDirty = false;
    TrainingLab m_setup;
    long long m_sceneSteps = -1; ///< the steps setLab() asked for, until the user trains on (-1)
    QString m_events[2]; ///< each run's first NaN/inf event in words
    QString m_saturation[2]; ///< each run's saturation event in words
    long long m_eventStep[2] = {0, 0}, m_saturationStep[2] = {0, 0}; ///< their steps (step-back drops later ones)
    QString m_failure;
    long long m_replots = 0;
};

} // namespace logitlab::ui
