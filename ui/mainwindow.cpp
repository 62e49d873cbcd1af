#include "mainwindow.h"

#include "common/uitext.h"
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
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>

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
    const QStringList names{tr("Softmax"), tr("Losses"), tr("Rounding"), tr("Training")};
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
                                 .arg(QString::number(static_cast<double>(info.lnMax), 'f', 2)),
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
    setCentralWidget(m_stack);
    connect(m_stack, &QStackedWidget::currentChanged, this, [this, pageActions](int i) {
        if (i >= 0 && i < pageActions.size())
            pageActions[i]->setChecked(true);
        showPageStatus(currentPage());
    });
    pageActions[0]->setChecked(true);

    m_progress = new QProgressBar;
    m_progress->setMaximumWidth(200);
    m_progress->setRange(0, 100);
    m_progress->setFormat(tr("sweep %p%"));
    m_progress->setVisible(false);
    statusBar()->addPermanentWidget(m_progress);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *exportAction = file->addAction(tr("&Export first plot of this lab..."), this, &MainWindow::exportCurrentPlot);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    QMenu *exportMenu = file->addMenu(tr("Export &plot"));
    connect(exportMenu, &QMenu::aboutToShow, this, [this, exportMenu] { fillExportMenu(exportMenu); });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *view = menuBar()->addMenu(tr("&Lab"));
    for (QAction *a : std::as_const(pageActions))
        view->addAction(a);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About LogitLab"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    restoreSettings();
}

MainWindow::~MainWindow() = default;

void MainWindow::setPage(int index)
{
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
    restoreGeometry(readSetting(settings::windowGeometry()).toByteArray());
    restoreState(readSetting(settings::windowState()).toByteArray());
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
    saveSettings();
    event->accept();
}

} // namespace logitlab::ui
