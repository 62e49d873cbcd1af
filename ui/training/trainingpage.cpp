// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/trainingpage.h"

#include "training/datatext.h"
#include "training/drawingcanvas.h"
#include "training/modelviews.h"
#include "training/trainingcontrols.h"
#include "training/trainingcurves.h"
#include "training/trainingsession.h"
#include "training/trainingsettings.h"
#include "training/twindifference.h"

#include "common/appearance.h"
#include "training/trainingtext.h"

#include "common/uitext.h"
#include "plots/plotpanel.h"
#include "plots/qcp.h"

#include <QApplication>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace logitlab::ui {

namespace {
constexpr int speeds[] = {1, 3, 10, 30, 100, 300, 0};
constexpr int frameMs = 30; // ~30 Hz (a little faster, so that timer jitter still leaves >= 25)
} // namespace

namespace {
/** Lets a panel's title and readout labels shrink (elided by the layout) so the page fits 1366 px. */
void relaxLabels(PlotPanel *panel)
{
    for (QLabel *label : panel->findChildren<QLabel *>(QString(), Qt::FindDirectChildrenOnly)) {
        label->setSizePolicy(QSizePolicy::Ignored, label->sizePolicy().verticalPolicy());
        label->setMinimumWidth(60);
    }
}
} // namespace

int TrainingPage::speedForPosition(int position)
{
    return speeds[std::clamp(position, 0, int(std::size(speeds)) - 1)];
}

TrainingPage::TrainingPage(QWidget *parent) : LabPage(parent)
{
    setObjectName(QStringLiteral("TrainingPage"));
    m_session = new TrainingSession(this);
    m_controls = new TrainingControls;
    m_curves = new TrainingCurves(this);

    auto *scroll = new QScrollArea;
    m_settingsScroll = scroll;
    scroll->setObjectName(QStringLiteral("trainingSettingsScroll"));
    scroll->setWidget(m_controls);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    updateSettingsWidth();
    // Too narrow a screen for the settings beside the plots (1366 px at zoom 2): they start
    // hidden and the Settings button shows them (fitSettingsToScreen).

    // Transport bar.
    auto *bar = new QHBoxLayout;
    const auto button = [&](const QString &text, const QString &tip, const char *name) {
        auto *b = new QPushButton(text);
        b->setToolTip(tip);
        b->setObjectName(QLatin1String(name));
        b->setFocusPolicy(Qt::TabFocus);
        bar->addWidget(b);
        return b;
    };
    m_settingsButton = new QToolButton;
    m_settingsButton->setObjectName(QStringLiteral("settingsButton"));
    m_settingsButton->setText(tr("Settings"));
    m_settingsButton->setCheckable(true);
    m_settingsButton->setChecked(true);
    m_settingsButton->setToolTip(tr("Show or hide the run's settings (hidden at the start when the screen is too "
                                    "narrow for them beside the plots)"));
    bar->addWidget(m_settingsButton);
    connect(m_settingsButton, &QToolButton::toggled, scroll, &QWidget::setVisible);
    // Once the user has shown or hidden the settings, a zoom change no longer decides for them.
    connect(m_settingsButton, &QToolButton::clicked, this, [this] { m_settingsChosen = true; });
    m_playButton = button(tr("▶ Play"), tr("Play / pause (Space)"), "playButton");
    m_stepButton = button(tr("Step ▸"), tr("Train one batch (Right arrow)"), "stepButton");
    m_epochButton = button(tr("Epoch ▸▸"), tr("Train to the end of the epoch"), "epochButton");
    m_backButton = button(tr("◂ Back"), tr("Step back one batch (Left arrow), up to 100"), "backButton");
    m_resetButton = button(tr("Reset"), tr("Start again from the initial weights (R)"), "resetButton");
    bar->addStretch(1);
    // Pace and limit on a second row: the transport row stays within a 1024 px screen.
    auto *pace = new QHBoxLayout;
    m_speed = new QSlider(Qt::Horizontal);
    m_speed->setObjectName(QStringLiteral("speedSlider"));
    m_speed->setRange(0, int(std::size(speeds)) - 1);
    m_speed->setMaximumWidth(120);
    m_speed->setToolTip(tr("Training speed"));
    m_speed->setFocusPolicy(Qt::TabFocus);
    pace->addWidget(new QLabel(tr("Speed")));
    pace->addWidget(m_speed);
    m_speedLabel = new QLabel;
    m_speedLabel->setMinimumWidth(80);
    pace->addWidget(m_speedLabel);
    pace->addWidget(new QLabel(tr("Stop at")));
    m_epochLimit = new QSpinBox;
    m_epochLimit->setObjectName(QStringLiteral("epochLimit"));
    m_epochLimit->setRange(0, 100000);
    m_epochLimit->setSpecialValueText(tr("no limit"));
    m_epochLimit->setSuffix(tr(" epochs"));
    pace->addWidget(m_epochLimit);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("trainingStatus"));
    QFont bold = m_status->font();
    bold.setBold(true);
    m_status->setFont(bold);

    m_dataLabel = new QLabel;
    m_dataLabel->setObjectName(QStringLiteral("dataLabel"));
    // The event banner takes one line (the full account in its tooltip and behind "more"): at
    // 1366x768 the wrapped paragraph left the loss plot 50-70 px tall.
    m_banner = new QFrame;
    m_banner->setObjectName(QStringLiteral("eventBanner"));
    m_banner->setStyleSheet(QStringLiteral("#eventBanner { background: #fff1e0; border: 1px solid #d55e00; }"));
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(4, 2, 2, 2);
    m_bannerText = new QLabel;
    m_bannerText->setObjectName(QStringLiteral("eventBannerText"));
    m_bannerText->setWordWrap(true);
    m_bannerText->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bannerText->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    bannerLayout->addWidget(m_bannerText, 1, Qt::AlignTop);
    m_bannerMore = new QToolButton;
    m_bannerMore->setObjectName(QStringLiteral("eventBannerMore"));
    m_bannerMore->setCheckable(true);
    m_bannerMore->setAutoRaise(true);
    m_bannerMore->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bannerLayout->addWidget(m_bannerMore, 0, Qt::AlignTop);
    connect(m_bannerMore, &QToolButton::toggled, this, &TrainingPage::foldBanner);
    m_banner->setVisible(false);

    // Curves on top, model views in tabs below.
    auto *curves = new QWidget;
    auto *curvesLayout = new QHBoxLayout(curves);
    curvesLayout->setContentsMargins(0, 0, 0, 0);
    curvesLayout->addWidget(m_curves->lossPanel(), 3);
    curvesLayout->addWidget(m_curves->accuracyPanel(), 2);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("viewTabs"));
    m_weights = new WeightsView;
    m_confusion = new ConfusionView;
    m_gallery = new GalleryView;
    m_inspector = new InspectorView;
    m_boundary = new BoundaryView;
    auto *draw = new QWidget;
    {
        auto *layout = new QHBoxLayout(draw);
        auto *left = new QVBoxLayout;
        m_canvas = new DrawingCanvas;
        m_canvas->setObjectName(QStringLiteral("drawingCanvas"));
        left->addWidget(m_canvas, 1);
        auto *clear = new QPushButton(tr("Clear (or right click)"));
        left->addWidget(clear);
        layout->addLayout(left, 2);
        m_canvasBars = new PlotPanel(tr("A and B on the drawn digit"));
        m_canvasBars->setObjectName(QStringLiteral("canvasPanel"));
        m_canvasBars->plot()->xAxis->setLabel(tr("class"));
        m_canvasBars->plot()->yAxis->setLabel(tr("probability"));
        m_canvasBars->plot()->yAxis->setRange(0, 1.05);
        layout->addWidget(m_canvasBars, 5);
        connect(clear, &QPushButton::clicked, m_canvas, &DrawingCanvas::clear);
    }
    m_tabs->addTab(m_weights, tr("Weights"));
    m_tabs->addTab(m_confusion, tr("Confusion"));
    m_tabs->addTab(m_gallery, tr("Gallery"));
    m_tabs->addTab(m_inspector, tr("Step inspector"));
    m_tabs->addTab(m_boundary, tr("Decision boundary"));
    m_tabs->addTab(draw, tr("Draw a digit"));
    m_tabs->addTab(m_curves->ratePanel(), tr("Learning rate"));
    m_difference = new TwinDifference(this);
    m_tabs->addTab(m_difference->panel(), tr("A − B difference"));

    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(curves);
    split->addWidget(m_tabs);
    // Every plot keeps its readable minimum height (PlotPanel::defaultMinimumPlotHeight); on a
    // short screen the right-hand side scrolls vertically instead of squashing the curves.
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    split->setSizes({1000, 1000});

    auto *rightScroll = new QScrollArea;
    m_viewsScroll = rightScroll;
    rightScroll->setObjectName(QStringLiteral("trainingViewsScroll"));
    rightScroll->setWidgetResizable(true);
    rightScroll->setFrameShape(QFrame::NoFrame);
    rightScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *rightContent = new QWidget;
    rightScroll->setWidget(rightContent);
    auto *right = new QVBoxLayout(rightContent);
    right->setContentsMargins(0, 0, 0, 0);
    right->addLayout(bar);
    pace->addStretch(1);
    right->addLayout(pace);
    auto *info = new QHBoxLayout;
    m_status->setWordWrap(true);
    m_dataLabel->setWordWrap(true);
    info->addWidget(m_status, 2);
    info->addWidget(m_dataLabel, 3);
    right->addLayout(info);
    right->addWidget(m_banner);
    right->addWidget(split, 1);

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(scroll);
    layout->addWidget(rightScroll, 1);

    for (PlotPanel *p : plots())
        relaxLabels(p);

    // Wiring.
    connect(m_playButton, &QPushButton::clicked, this, &TrainingPage::togglePlay);
    connect(m_stepButton, &QPushButton::clicked, this, &TrainingPage::stepBatch);
    connect(m_epochButton, &QPushButton::clicked, this, &TrainingPage::stepEpoch);
    connect(m_backButton, &QPushButton::clicked, this, &TrainingPage::stepBack);
    connect(m_resetButton, &QPushButton::clicked, this, &TrainingPage::reset);
    const auto key = [this](QKeySequence seq, void (TrainingPage::*fn)()) {
        auto *s = new QShortcut(seq, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, fn);
    };
    key(QKeySequence(Qt::Key_Space), &TrainingPage::togglePlay);
    key(QKeySequence(Qt::Key_Right), &TrainingPage::stepBatch);
    key(QKeySequence(Qt::Key_Left), &TrainingPage::stepBack);
    key(QKeySequence(Qt::Key_R), &TrainingPage::reset);

    connect(m_speed, &QSlider::valueChanged, this, [this](int pos) {
        const int s = speedForPosition(pos);
        m_speedLabel->setText(s == 0 ? tr("fastest") : tr("%1 batches/s").arg(s));
        m_session->setSpeed(s);
    });
    connect(m_epochLimit, &QSpinBox::valueChanged, m_session, &TrainingSession::setEpochLimit);

    m_resetTimer = new QTimer(this);
    m_resetTimer->setSingleShot(true);
    m_resetTimer->setInterval(150);
    connect(m_resetTimer, &QTimer::timeout, this, &TrainingPage::reset);
    connect(m_controls, &TrainingControls::setupChanged, m_resetTimer, qOverload<>(&QTimer::start));

    m_frameTimer = new QTimer(this);
    m_frameTimer->setInterval(frameMs);
    m_frameTimer->setTimerType(Qt::PreciseTimer);
    connect(m_frameTimer, &QTimer::timeout, this, &TrainingPage::onFrame);
    m_frameTimer->start();

    m_canvasTimer = new QTimer(this);
    m_canvasTimer->setSingleShot(true);
    m_canvasTimer->setInterval(50);
    connect(m_canvasTimer, &QTimer::timeout, this, &TrainingPage::classifyCanvas);
    connect(m_canvas, &DrawingCanvas::changed, m_canvasTimer, qOverload<>(&QTimer::start));

    connect(m_session, &TrainingSession::stateChanged, this, &TrainingPage::onState);
    connect(m_session, &TrainingSession::updated, this, &TrainingPage::onUpdate);
    connect(m_session, &TrainingSession::viewReady, this, &TrainingPage::onView);
    connect(m_session, &TrainingSession::rewound, this, [this](long long step) {
        m_curves->rewind(step);
        m_difference->rewind(step);
        for (int i = 0; i < 2; ++i) { // the session re-arms the events it undid
            if (m_eventStep[i] > step)
                m_events[i].clear();
            if (m_saturationStep[i] > step)
                m_saturation[i].clear();
        }
        updateBanner();
    });
    connect(m_session, &TrainingSession::dataReady, this, [this](const SessionDataPtr &d) {
        m_data = d;
        m_dataLabel->setText(tr("Data: %1").arg(dataDescription(*d)));
    });
    connect(m_session, &TrainingSession::failed, this, [this](const QString &message) {
        m_failure = message;
        updateBanner();
        Q_EMIT statusMessage(message);
    });
    connect(m_session, &TrainingSession::classified, this, [this](const QVector<double> &a, const QVector<double> &b) {
        QCustomPlot *plot = m_canvasBars->plot();
        plot->clearPlottables();
        const QVector<double> *runs[2] = {&a, &b};
        const int runCount = b.isEmpty() ? 1 : 2;
        for (int r = 0; r < runCount; ++r) {
            auto *bars = new QCPBars(plot->xAxis, plot->yAxis);
            bars->setName(tr("%1: %2").arg(runName(r), headShort(r == 0 ? m_setup.a.head : m_setup.b.head)));
            bars->setWidth(runCount == 2 ? 0.4 : 0.8);
            bars->setPen(Qt::NoPen);
            bars->setBrush(seriesColor(r == 0 ? 0 : 1));
            for (int c = 0; c < runs[r]->size(); ++c)
                bars->addData(c + (runCount == 2 ? (r == 0 ? -0.2 : 0.2) : 0.0),
                    m_canvas->isEmpty() || !std::isfinite((*runs[r])[c]) ? 0.0 : (*runs[r])[c]);
        }
        plot->xAxis->setRange(-0.6, std::max<qsizetype>(2, a.size()) - 0.4);
        plot->xAxis->ticker()->setTickCount(int(std::min<qsizetype>(10, a.size())));
        plot->xAxis->setSubTicks(false);
        plot->yAxis->setRange(0, 1.05);
        plot->replot(QCustomPlot::rpQueuedReplot);
    });
    connect(m_inspector, &InspectorView::sampleChanged, m_session, &TrainingSession::setInspectedSample);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        m_viewDirty = true;
        if (m_tabs->currentWidget() == m_difference->panel()) // filled while hidden: draw it now
            m_difference->panel()->plot()->replot(QCustomPlot::rpQueuedReplot);
        if (m_tabs->currentIndex() == 5)
            classifyCanvas();
    });

    m_speed->setValue(trainingsettings::speed().defaultValue.toInt()); // labels it and sets the session's pace
    m_epochLimit->setValue(10);
    m_session->setEpochLimit(10);
    m_resetTimer->stop();
    reset();
}

TrainingPage::~TrainingPage()
{
    m_frameTimer->stop();
    delete m_session; // interrupts the worker and waits for its thread before the widgets go
    m_session = nullptr;
}

void TrainingPage::setFormat(Format f)
{
    // The Training lab sets each run's format itself (float32/float64); the shared selector's
    // format is kept for format() only.
    m_format = f;
}

Format TrainingPage::format() const
{
    return m_format;
}

QList<QWidget *> TrainingPage::resultViews() const
{
    return {m_tabs, m_status};
}

TrainingLab TrainingPage::lab() const
{
    return m_controls->setup();
}

void TrainingPage::setLab(const TrainingLab &lab, long long steps)
{
    pause();
    m_controls->setLab(lab);
    reset(); // now, not after the form's debounce: the steps below train this lab
    if (steps > 0)
        m_session->stepBatches(steps);
    m_sceneSteps = steps;
}

long long TrainingPage::trainedSteps() const
{
    // Until the worker has answered, its state is the previous run's: the scene's steps are
    // what this session is (about to be) at.
    return m_sceneSteps >= 0 && m_session->isBusy() ? m_sceneSteps : m_session->state().step;
}

QList<PlotPanel *> TrainingPage::plots() const
{
    return {m_curves->lossPanel(), m_curves->accuracyPanel(), m_curves->ratePanel(), m_difference->panel(),
        m_weights->panel(), m_confusion->panel(), m_gallery->panel(), m_inspector->panel(), m_boundary->panel(),
        m_canvasBars};
}

void TrainingPage::saveSettings() const
{
    m_controls->saveSettings();
    writeSetting(trainingsettings::speed(), m_speed->value());
    writeSetting(trainingsettings::epochLimit(), m_epochLimit->value());
    writeSetting(trainingsettings::viewTab(), m_tabs->currentIndex());
    writeSetting(trainingsettings::inspected(), m_inspector->sampleBox()->value());
}

void TrainingPage::restoreSettings()
{
    m_speed->setValue(readSetting(trainingsettings::speed()).toInt());
    m_epochLimit->setValue(readSetting(trainingsettings::epochLimit()).toInt());
    m_tabs->setCurrentIndex(readSetting(trainingsettings::viewTab()).toInt());
    m_session->setInspectedSample(readSetting(trainingsettings::inspected()).toInt());
    m_controls->restoreSettings();
}

bool TrainingPage::isBusy() const
{
    return m_session->isBusy() || m_resetTimer->isActive();
}

void TrainingPage::play()
{
    m_sceneSteps = -1; // the user trains on: the state counts
    if (m_resetTimer->isActive())
        reset();
    m_session->play();
}

void TrainingPage::pause()
{
    m_session->pause();
}

void TrainingPage::togglePlay()
{
    if (m_session->state().playing)
        pause();
    else
        play();
}

void TrainingPage::stepBatch()
{
    m_sceneSteps = -1; // the user trains on: the state counts
    m_session->stepBatches(1);
}

void TrainingPage::stepEpoch()
{
    m_sceneSteps = -1; // the user trains on: the state counts
    m_session->stepEpoch();
}

void TrainingPage::stepBack()
{
    m_sceneSteps = -1; // the user trains on: the state counts
    m_session->stepBack(1);
}

void TrainingPage::reset()
{
    m_resetTimer->stop();
    m_sceneSteps = -1; // a new run at step 0 (setLab() sets its steps after this)
    m_setup = m_controls->setup();
    const Head heads[2] = {m_setup.a.head, m_setup.b.head};
    const Format formats[2] = {m_setup.a.format, m_setup.b.format};
    m_curves->reset(m_setup.twin ? 2 : 1, heads, formats);
    m_difference->reset(m_setup.twin);
    for (int i = 0; i < 2; ++i) {
        m_events[i].clear();
        m_saturation[i].clear();
    }
    m_failure.clear();
    m_view.reset();
    updateBanner();
    // Every text describes the new setup: nothing from the previous run stays on screen.
    Q_EMIT statusMessage(tr("New run set up: press Play (Space) or Step (Right) to train"));
    m_dataLabel->setText(tr("Data: loading…"));
    clearViews();
    m_session->setup(m_setup);
}

void TrainingPage::updateSettingsWidth()
{
    // Fixed, from the controls' own minimum (and at most 440 px at 100 %): set when the font
    // changes, never while a resize is being laid out.
    const int needed
        = m_controls->minimumSizeHint().width() + m_settingsScroll->verticalScrollBar()->sizeHint().width() + 4;
    m_settingsScroll->setFixedWidth(std::max(needed, std::min(zoomed(440), needed + zoomed(40))));
}

void TrainingPage::fitSettingsToScreen()
{
    // On a screen too narrow for the settings beside the plots (1366 px at zoom 2) the settings
    // start hidden: the plots are what the room looks at; the Settings button brings them back.
    const QScreen *screen = window()->screen();
    if (!screen || m_settingsChosen)
        return;
    const int rightNeeds = m_viewsScroll->widget()->minimumSizeHint().width()
        + m_viewsScroll->verticalScrollBar()->sizeHint().width() + 40;
    const bool fits = m_settingsScroll->width() + rightNeeds <= screen->availableGeometry().width();
    m_settingsButton->setChecked(fits);
}

void TrainingPage::showEvent(QShowEvent *event)
{
    LabPage::showEvent(event);
    if (!m_settingsFitted) {
        m_settingsFitted = true;
        fitSettingsToScreen();
    }
}

void TrainingPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange) {
        updateSettingsWidth();
        if (isVisible())
            fitSettingsToScreen();
        else
            m_settingsFitted = false;
    }
    LabPage::changeEvent(event);
}

void TrainingPage::clearViews()
{
    m_weights->clear();
    m_confusion->clear();
    m_gallery->clear();
    m_inspector->clear();
    m_boundary->clear();
}

void TrainingPage::onState(const SessionState &s)
{
    m_playButton->setText(s.playing ? tr("❚❚ Pause") : tr("▶ Play"));
    m_backButton->setEnabled(s.historyDepth > 0);
    const double epochs = s.batchesPerEpoch > 0 ? double(s.step) / double(s.batchesPerEpoch) : 0.0;
    QString text = tr("step %1 · epoch %2").arg(s.step).arg(epochs, 0, 'f', 2);
    if (m_epochLimit->value() > 0)
        text += tr(" of %1").arg(m_epochLimit->value());
    if (s.limitReached)
        text += tr(" · limit reached");
    else if (s.playing)
        text += tr(" · training");
    m_status->setText(text);
}

void TrainingPage::onUpdate(const TrainingUpdate &u)
{
    m_curves->append(u);
    m_difference->append(u);
    const int runCount = m_setup.twin ? 2 : 1;
    const Head heads[2] = {m_setup.a.head, m_setup.b.head};
    const Format formats[2] = {m_setup.a.format, m_setup.b.format};
    // The session found the events (core/training/twinsession.h); the page words them.
    for (const SessionEvent &e : u.events) {
        const int i = e.run;
        if (e.kind == SessionEventKind::NonFinite) {
            m_events[i] = nonFiniteEventText(
                i, e.step, heads[i], formats[i], e.lossNonFinite, e.loss, runCount == 2, e.otherClean, heads[1 - i]);
            m_eventStep[i] = e.step;
        } else {
            m_saturation[i]
                = saturationText(i, e.step, heads[i], e.dead, e.total, runCount == 2, e.otherDead, heads[1 - i]);
            m_saturationStep[i] = e.step;
        }
    }
    if (!u.events.empty()) {
        updateBanner();
        Q_EMIT statusMessage(eventText().section(QLatin1Char('\n'), 0, 0));
    }
}

QString TrainingPage::eventText() const
{
    QStringList parts;
    if (!m_failure.isEmpty())
        parts << m_failure;
    for (int i = 0; i < 2; ++i) {
        if (!m_events[i].isEmpty())
            parts << m_events[i];
        if (!m_saturation[i].isEmpty())
            parts << m_saturation[i];
    }
    return parts.join(QLatin1Char('\n'));
}

void TrainingPage::updateBanner()
{
    const QString text = eventText();
    if (text.isEmpty())
        m_bannerMore->setChecked(false); // the next event starts folded again
    m_bannerText->setText(text);
    m_bannerText->setToolTip(text);
    m_banner->setVisible(!text.isEmpty());
    foldBanner();
}

void TrainingPage::foldBanner()
{
    const bool open = m_bannerMore->isChecked();
    m_bannerMore->setText(open ? tr("less ▴") : tr("more ▾"));
    m_bannerMore->setToolTip(open ? tr("Show only the first line") : tr("Show the whole explanation"));
    // Folded: the label keeps its wrapped text but is cut to its first line.
    m_bannerText->setMaximumHeight(open ? QWIDGETSIZE_MAX : m_bannerText->fontMetrics().lineSpacing() + 1);
}

void TrainingPage::onView(const ModelViewPtr &v)
{
    m_view = v;
    m_viewDirty = true;
    if (m_tabs->currentIndex() == 5 && !m_canvas->isEmpty())
        classifyCanvas();
}

void TrainingPage::onFrame()
{
    if (m_curves->replot() > 0)
        ++m_replots;
    if (m_viewDirty)
        showCurrentView();
}

void TrainingPage::showCurrentView()
{
    m_viewDirty = false;
    if (!m_view || !m_data || m_view->runCount == 0)
        return;
    switch (m_tabs->currentIndex()) {
    case 0: m_weights->show(*m_view, *m_data); break;
    case 1: m_confusion->show(*m_view); break;
    case 2: m_gallery->show(*m_view, *m_data); break;
    case 3: m_inspector->show(*m_view, *m_data); break;
    case 4: m_boundary->show(*m_view, *m_data); break;
    default: break;
    }
    Q_EMIT viewShown();
}

void TrainingPage::classifyCanvas()
{
    m_session->classify(m_canvas->pixels());
}

void TrainingPage::trainForScreenshot(long long steps)
{
    reset();
    m_session->stepBatches(steps);
    while (isBusy())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    QCoreApplication::processEvents();
    onFrame();
    showCurrentView();
    for (PlotPanel *p : plots())
        p->plot()->replot(QCustomPlot::rpImmediateRefresh);
}

} // namespace logitlab::ui
