// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "common/appearance.h"
#include "common/uitext.h"
#include "lesson/lessoncontroller.h"
#include "lesson/lessonfilemenu.h"
#include "lesson/scenedock.h"
#include "pages/explimitsdialog.h"
#include "pages/lossespage.h"
#include "pages/roundingpage.h"
#include "pages/softmaxpage.h"
#include "plots/plotpanel.h"
#include "settings/settings.h"
#include "training/trainingpage.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QCursor>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

namespace logitlab::ui {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("LogitLab — stable softmax and cross-entropy"));
    setObjectName(QStringLiteral("MainWindow"));

    m_softmax = new SoftmaxPage;
    m_losses = new LossesPage;
    m_rounding = new RoundingPage;
    m_training = new TrainingPage;
    m_pages = {m_softmax, m_losses, m_rounding, m_training};

    auto *toolbar = addToolBar(tr("Labs"));
    toolbar->setObjectName(QStringLiteral("labsToolbar"));
    toolbar->setMovable(false);
    const QStringList names {tr("Softmax"), tr("Losses"), tr("Rounding"), tr("Training")};
    auto *pageGroup = new QActionGroup(this);
    QList<QAction *> pageActions;
    for (int i = 0; i < names.size(); ++i) {
        QAction *a = toolbar->addAction(names[i]);
        a->setCheckable(true);
        a->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
        a->setToolTip(tr("%1 lab (%2)").arg(names[i], a->shortcut().toString(QKeySequence::NativeText)));
        pageGroup->addAction(a);
        pageActions.append(a);
        connect(a, &QAction::triggered, this, [this, i] { setPage(i); });
    }
    toolbar->addSeparator();
    toolbar->addWidget(new QLabel(tr(" Format: ")));
    m_formatBox = new QComboBox;
    m_formatBox->setObjectName(QStringLiteral("formatSelector"));
    for (Format f : allFormats) {
        const FormatInfo &info = formatInfo(f);
        m_formatBox->addItem(tr("%1 (p = %2 bits, ln max = %3)")
                                 .arg(formatText(f))
                                 .arg(info.precision)
                                 .arg(logThresholdText(info.lnMax)),
            static_cast<int>(f));
    }
    m_formatBox->setToolTip(tr("Every lab computes in this format"));
    toolbar->addWidget(m_formatBox);
    connect(m_formatBox, &QComboBox::currentIndexChanged, this, [this](int i) {
        const auto f = static_cast<Format>(m_formatBox->itemData(i).toInt());
        for (LabPage *p : std::as_const(m_pages))
            p->setFormat(f);
        statusBar()->showMessage(tr("Computing in %1…").arg(formatText(f)), 3000);
    });

    m_stack = new QStackedWidget;
    for (LabPage *p : std::as_const(m_pages)) {
        m_stack->addWidget(p);
        // Each page keeps its own latest message; the bar shows the current page's only.
        connect(p, &LabPage::statusMessage, this, [this, p](const QString &t) {
            m_status[p] = t;
            if (p == currentPage())
                showPageStatus(p);
        });
        connect(p, &LabPage::progressChanged, this, [this](int percent) {
            m_progress->setVisible(percent >= 0);
            m_progress->setValue(std::max(percent, 0));
        });
    }
    // The labs, or one plot filling the window (focus view, double-click a plot).
    m_central = new QStackedWidget;
    m_central->addWidget(m_stack);
    m_focusPage = new QWidget;
    m_focusPage->setObjectName(QStringLiteral("focusView"));
    auto *focusLayout = new QVBoxLayout(m_focusPage);
    auto *focusBar = new QHBoxLayout;
    auto *focusHint = new QLabel(tr("Focus view: this plot alone. Esc or double-click returns to the lab."));
    focusBar->addWidget(focusHint, 1);
    auto *back = new QPushButton(tr("Back to the lab (Esc)"));
    back->setObjectName(QStringLiteral("focusBack"));
    connect(back, &QPushButton::clicked, this, &MainWindow::endFocus);
    focusBar->addWidget(back);
    focusLayout->addLayout(focusBar);
    m_central->addWidget(m_focusPage);
    setCentralWidget(m_central);
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), m_focusPage);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, &MainWindow::endFocus);
    for (LabPage *p : std::as_const(m_pages))
        for (PlotPanel *panel : p->plots()) {
            connect(panel, &PlotPanel::focusRequested, this, [this](PlotPanel *which) {
                if (m_focused == which)
                    endFocus();
                else
                    focusPlot(which);
            });
            connect(panel, &PlotPanel::exported, this, [this](const QString &path, bool ok) {
                if (ok)
                    statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 10000);
            });
        }
    connect(m_stack, &QStackedWidget::currentChanged, this, [this, pageActions](int i) {
        if (i >= 0 && i < pageActions.size())
            pageActions[i]->setChecked(true);
        showPageStatus(currentPage());
        showFormatOf(currentPage());
    });
    pageActions[0]->setChecked(true);

    m_progress = new QProgressBar;
    m_progress->setMaximumWidth(200);
    m_progress->setRange(0, 100);
    m_progress->setFormat(tr("sweep %p%"));
    m_progress->setVisible(false);
    statusBar()->addPermanentWidget(m_progress);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *exportAction
        = file->addAction(tr("&Export first plot of this lab..."), this, &MainWindow::exportCurrentPlot);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    QMenu *exportMenu = file->addMenu(tr("Export &plot"));
    connect(exportMenu, &QMenu::aboutToShow, this, [this, exportMenu] { fillExportMenu(exportMenu); });
    QAction *exportAll
        = file->addAction(tr("Export &all figures of this lab..."), this, &MainWindow::exportAllInteractively);
    exportAll->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    exportAll->setObjectName(QStringLiteral("exportAllAction"));
    m_lessons = new LessonController(this);
    m_lessonMenu = new LessonFileMenu(this, m_lessons);
    m_lessonMenu->fillFileMenu(file, exportAction);
    m_sceneDock = new SceneDock(m_lessons, this);
    m_sceneDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    addDockWidget(Qt::RightDockWidgetArea, m_sceneDock);
    m_sceneDock->toggleViewAction()->setText(tr("Show the &scene list"));
    m_sceneDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(m_sceneDock, &SceneDock::openRequested, this, &MainWindow::openLesson);
    connect(m_sceneDock->toggleViewAction(), &QAction::triggered, this, [this](bool on) {
        if (on)
            fitSceneDock();
    });
    // A lesson opened shows its scenes.
    connect(m_lessons, &LessonController::lessonChanged, this, [this] {
        if (!m_lessons->lesson().scenes.empty() && !m_sceneDock->isVisible()) {
            m_sceneDock->show();
            fitSceneDock();
        }
    });
    setAcceptDrops(true);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *view = menuBar()->addMenu(tr("&Lab"));
    for (QAction *a : std::as_const(pageActions))
        view->addAction(a);
    m_lessonMenu->fillLessonMenu(menuBar()->addMenu(tr("L&esson")), m_sceneDock->toggleViewAction());
    buildViewMenu();
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    m_lessonMenu->fillHelpMenu(help);
    QAction *limits = help->addAction(tr("Limits of &exp in each format…"), this, [this] {
        ExpLimitsDialog dialog(format(), this);
        dialog.exec();
    });
    limits->setObjectName(QStringLiteral("expLimitsAction"));
    help->addAction(tr("&About LogitLab"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    restoreSettings();
}

MainWindow::~MainWindow() = default;

void MainWindow::setPage(int index)
{
    endFocus(); // a page switch shows the labs again
    m_stack->setCurrentIndex(std::clamp(index, 0, static_cast<int>(m_pages.size()) - 1));
}

int MainWindow::page() const
{
    return m_stack->currentIndex();
}

void MainWindow::setFormat(Format f)
{
    m_formatBox->setCurrentIndex(m_formatBox->findData(static_cast<int>(f)));
}

void MainWindow::fitSceneDock()
{
    // A quarter of the window (at least 240 px): the labs keep the rest on a 1024-wide projector.
    resizeDocks({m_sceneDock}, {std::max(240, width() / 4)}, Qt::Horizontal);
}

void MainWindow::showFormatOf(LabPage *page)
{
    if (!page)
        return;
    const QSignalBlocker block(m_formatBox);
    m_formatBox->setCurrentIndex(m_formatBox->findData(static_cast<int>(page->format())));
}

bool MainWindow::openLesson(const QString &path)
{
    return m_lessonMenu->openFile(path);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() && event->mimeData()->urls().value(0).isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    openLesson(urls.first().toLocalFile());
}

Format MainWindow::format() const
{
    return static_cast<Format>(m_formatBox->currentData().toInt());
}

LabPage *MainWindow::currentPage() const
{
    return m_pages.value(m_stack->currentIndex());
}

void MainWindow::waitForIdle()
{
    for (int round = 0; round < 3; ++round) // a finished result may start a follow-up job
        for (LabPage *p : std::as_const(m_pages))
            while (p->isBusy() || round == 0) {
                QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
                if (!p->isBusy())
                    break;
            }
    QCoreApplication::processEvents();
}

void MainWindow::buildViewMenu()
{
    QMenu *view = menuBar()->addMenu(tr("&View"));
    const auto add = [&](const QString &text, QList<QKeySequence> keys, auto slot) {
        QAction *a = view->addAction(text);
        a->setShortcuts(keys);
        a->setShortcutContext(Qt::ApplicationShortcut);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    add(tr("Zoom &in"), {QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence(Qt::CTRL | Qt::Key_Plus)}, [this] {
        setZoom(zoom() + zoomStep);
    })->setObjectName(QStringLiteral("zoomInAction"));
    add(tr("Zoom &out"), {QKeySequence(Qt::CTRL | Qt::Key_Minus)}, [this] {
        setZoom(zoom() - zoomStep);
    })->setObjectName(QStringLiteral("zoomOutAction"));
    add(tr("&Reset zoom"), {QKeySequence(Qt::CTRL | Qt::Key_0)}, [this] {
        setZoom(1.0);
    })->setObjectName(QStringLiteral("zoomResetAction"));
    view->addSeparator();
    QAction *full = add(tr("&Full screen"), {QKeySequence(Qt::Key_F11)},
        [this] { setWindowState(windowState() ^ Qt::WindowFullScreen); });
    full->setObjectName(QStringLiteral("fullScreenAction"));
    add(tr("&Focus on a plot"), {QKeySequence(Qt::Key_F)}, [this] {
        if (m_focused)
            return endFocus();
        // The plot under the mouse, else the lab's first plot.
        LabPage *p = currentPage();
        if (!p || p->plots().isEmpty())
            return;
        PlotPanel *target = nullptr;
        for (PlotPanel *panel : p->plots())
            if (panel->isVisible() && (!target || panel->rect().contains(panel->mapFromGlobal(QCursor::pos()))))
                target = panel; // the first shown plot, or the one under the mouse
        if (target)
            focusPlot(target);
    })->setObjectName(QStringLiteral("focusAction"));
    view->addSeparator();
    QAction *contrast = view->addAction(tr("&High contrast"));
    contrast->setObjectName(QStringLiteral("highContrastAction"));
    contrast->setCheckable(true);
    contrast->setChecked(readSetting(settings::highContrast()).toBool());
    contrast->setToolTip(tr("Black on white, darker grid, thicker lines: for washed-out projectors"));
    connect(contrast, &QAction::toggled, this, [](bool on) {
        setHighContrast(on);
        writeSetting(settings::highContrast(), on);
    });
}

void MainWindow::setZoom(double factor)
{
    const double z = logitlab::ui::setZoom(factor);
    writeSetting(settings::zoom(), z);
    statusBar()->showMessage(tr("Zoom %1 %").arg(qRound(z * 100)), 3000);
}

bool MainWindow::focusPlot(PlotPanel *panel)
{
    if (!panel || m_focused || !panel->isVisible())
        return false;
    // Leave a placeholder where the plot stands (a splitter or any layout), move the plot.
    auto *placeholder = new QWidget;
    QWidget *parent = panel->parentWidget();
    bool moved = false;
    if (auto *split = qobject_cast<QSplitter *>(parent)) {
        moved = split->replaceWidget(split->indexOf(panel), placeholder) == panel;
    } else if (parent && parent->layout()) {
        if (QLayoutItem *old = parent->layout()->replaceWidget(panel, placeholder)) {
            delete old;
            moved = true;
        }
    }
    if (!moved) {
        delete placeholder;
        return false;
    }
    m_focused = panel;
    m_focusPlaceholder = placeholder;
    m_focusPage->layout()->addWidget(panel);
    panel->show();
    m_central->setCurrentWidget(m_focusPage);
    m_focusPage->setFocus();
    return true;
}

void MainWindow::endFocus()
{
    if (!m_focused)
        return;
    PlotPanel *panel = m_focused;
    QWidget *parent = m_focusPlaceholder->parentWidget();
    m_focusPage->layout()->removeWidget(panel);
    if (auto *split = qobject_cast<QSplitter *>(parent)) {
        split->replaceWidget(split->indexOf(m_focusPlaceholder), panel);
    } else if (parent && parent->layout()) {
        delete parent->layout()->replaceWidget(m_focusPlaceholder, panel);
    }
    panel->show();
    m_focusPlaceholder->deleteLater();
    m_focusPlaceholder = nullptr;
    m_focused = nullptr;
    m_central->setCurrentWidget(m_stack);
}

int MainWindow::exportAllFigures(const QString &dir, QStringList *errors, const QList<ExportKind> &kinds)
{
    LabPage *p = currentPage();
    if (!p)
        return 0;
    int written = 0;
    for (PlotPanel *panel : p->plots())
        for (ExportKind kind : kinds) {
            QString error;
            if (panel->exportTo(QDir(dir).filePath(panel->suggestedFileName(kind)), kind, &error))
                ++written;
            else if (errors)
                *errors << error;
        }
    return written;
}

void MainWindow::exportAllInteractively()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export all figures of this lab into"));
    if (dir.isEmpty())
        return;
    QStringList errors;
    const int written = exportAllFigures(dir, &errors);
    if (!errors.isEmpty())
        QMessageBox::warning(this, tr("Export failed"), errors.join(QLatin1Char('\n')));
    statusBar()->showMessage(tr("Exported %1 files to %2").arg(written).arg(QDir::toNativeSeparators(dir)), 10000);
}

void MainWindow::clampToScreen()
{
    // A window saved on a larger screen (or a second monitor that is gone) comes back inside this one.
    QScreen *screen = this->screen();
    if (!screen || isFullScreen() || isMaximized())
        return;
    const QRect avail = screen->availableGeometry();
    QRect g = frameGeometry();
    if (avail.contains(g))
        return;
    const QSize size(std::min(width(), avail.width() - (g.width() - width())),
        std::min(height(), avail.height() - (g.height() - height())));
    resize(size);
    g = frameGeometry();
    move(std::clamp(g.x(), avail.left(), std::max(avail.left(), avail.right() - g.width() + 1)),
        std::clamp(g.y(), avail.top(), std::max(avail.top(), avail.bottom() - g.height() + 1)));
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_clampOnShow) // only a geometry restored from the settings: a resize() by code is kept
        clampToScreen();
    m_clampOnShow = false;
}

void MainWindow::exportCurrentPlot()
{
    LabPage *p = currentPage();
    if (p && !p->plots().isEmpty())
        p->plots().front()->exportInteractively();
}

void MainWindow::fillExportMenu(QMenu *menu)
{
    menu->clear();
    LabPage *p = currentPage();
    if (!p)
        return;
    for (PlotPanel *panel : p->plots())
        menu->addAction(panel->title(), panel, &PlotPanel::exportInteractively);
}

void MainWindow::showPageStatus(LabPage *page)
{
    const QString text = m_status.value(page);
    if (text.isEmpty())
        statusBar()->clearMessage();
    else
        statusBar()->showMessage(text);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About LogitLab"),
        tr("<h3>LogitLab %1</h3><p>Teaching numerically stable softmax and cross-entropy: "
           "every method computed in float16, bfloat16, float32, float64 and float80, "
           "checked against an exact MPFR reference.</p>"
           "<p>Plots: QCustomPlot. Numbers: Eigen and MPFR.</p>")
            .arg(QApplication::applicationVersion()));
}

void MainWindow::restoreSettings()
{
    if (const double z = readSetting(settings::zoom()).toDouble(); z != zoom())
        logitlab::ui::setZoom(z);
    if (readSetting(settings::highContrast()).toBool() != highContrast())
        setHighContrast(readSetting(settings::highContrast()).toBool());
    m_clampOnShow = restoreGeometry(readSetting(settings::windowGeometry()).toByteArray());
    // The scene list shows when a lesson is opened; the first start (no saved state) points to the
    // course's lessons in the status bar rather than taking a quarter of a 1024-wide projector.
    m_sceneDock->hide();
    if (!restoreState(readSetting(settings::windowState()).toByteArray()))
        statusBar()->showMessage(
            tr("The course's lessons are in Help > Lessons, and in the lesson panel (Ctrl+L)."), 30000);
    const auto f = parseFormat(readSetting(settings::format()).toString().toStdString()).value_or(Format::Float32);
    for (LabPage *p : std::as_const(m_pages)) {
        p->setFormat(f);
        p->restoreSettings();
    }
    const QSignalBlocker block(m_formatBox);
    setFormat(f);
    setPage(readSetting(settings::lastPage()).toInt());
}

void MainWindow::saveSettings() const
{
    writeSetting(settings::windowGeometry(), saveGeometry());
    writeSetting(settings::windowState(), saveState());
    writeSetting(settings::lastPage(), page());
    writeSetting(settings::format(), formatText(format()));
    for (LabPage *p : m_pages)
        p->saveSettings();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_lessonMenu->maybeSave()) {
        event->ignore(); // the user chose Cancel: nothing is lost
        return;
    }
    endFocus(); // the plot goes home before the window's state is saved
    saveSettings();
    event->accept();
}

} // namespace logitlab::ui
