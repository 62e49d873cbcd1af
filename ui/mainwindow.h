// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file The LogitLab main window: one page per lab, a shared format selector, menus, status bar. */
#include "plots/plotpanel.h"
#include "precision/format.h"

#include <QHash>
#include <QMainWindow>

class QComboBox;
class QLabel;
class QProgressBar;
class QStackedWidget;
class QListWidget;
class QMenu;

namespace logitlab::ui {

class LabPage;
class LessonController;
class LessonFileMenu;
class SceneDock;
class SoftmaxPage;
class LossesPage;
class RoundingPage;
class TrainingPage;

/** \brief Main window with the Softmax, Losses and Rounding labs. */
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void setPage(int index);
    int page() const;
    int pageCount() const { return static_cast<int>(m_pages.size()); }
    void setFormat(Format f);
    Format format() const;
    /** Shows \a page's format in the selector without changing any page (a lesson sets each lab's own). */
    void showFormatOf(LabPage *page);
    LabPage *currentPage() const;
    SoftmaxPage *softmaxPage() const { return m_softmax; }
    LossesPage *lossesPage() const { return m_losses; }
    RoundingPage *roundingPage() const { return m_rounding; }
    TrainingPage *trainingPage() const { return m_training; }
    QComboBox *formatSelector() const { return m_formatBox; }
    /** Blocks (processing events) until no page has work running. */
    void waitForIdle();

    /** Presentation zoom of fonts, plot text and lines (1 to 3); persisted. */
    void setZoom(double factor);
    /** Shows \a panel alone, filling the window (Esc or View > Focus returns); false if it cannot move. */
    bool focusPlot(PlotPanel *panel);
    /** Puts the focused plot back where it was. */
    void endFocus();
    PlotPanel *focusedPlot() const { return m_focused; }
    /**
     * Writes every plot of the current page into \a dir as PNG (2x), SVG, PDF and CSV; returns the
     * number of files written and puts the reasons of failures in \a errors.
     */
    int exportAllFigures(const QString &dir, QStringList *errors = nullptr,
        const QList<ExportKind> &kinds = {ExportKind::Png, ExportKind::Svg, ExportKind::Pdf, ExportKind::Csv});

    LessonController *lessons() const { return m_lessons; }
    LessonFileMenu *lessonMenu() const { return m_lessonMenu; }
    SceneDock *sceneDock() const { return m_sceneDock; }
    /** Opens the lesson file \a path (command line, drag and drop); a bad file is reported, nothing changes. */
    bool openLesson(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void exportCurrentPlot();
    void exportAllInteractively();
    void buildViewMenu();
    void clampToScreen();
    void fitSceneDock();
    void fillExportMenu(QMenu *menu);
    void showPageStatus(LabPage *page);
    void showAbout();
    void restoreSettings();
    void saveSettings() const;

    QListWidget *m_nav = nullptr;
    QStackedWidget *m_central = nullptr; ///< the labs (m_stack) or the focus view
    QStackedWidget *m_stack = nullptr;
    QWidget *m_focusPage = nullptr;
    PlotPanel *m_focused = nullptr;
    bool m_clampOnShow = false; ///< the geometry came from the settings: bring it onto this screen
    QWidget *m_focusPlaceholder = nullptr; ///< stands where the focused plot was
    QComboBox *m_formatBox = nullptr;
    QProgressBar *m_progress = nullptr;
    SoftmaxPage *m_softmax = nullptr;
    LossesPage *m_losses = nullptr;
    RoundingPage *m_rounding = nullptr;
    TrainingPage *m_training = nullptr;
    QList<LabPage *> m_pages;
    QHash<LabPage *, QString> m_status; ///< each page's latest status message
    LessonController *m_lessons = nullptr;
    LessonFileMenu *m_lessonMenu = nullptr;
    SceneDock *m_sceneDock = nullptr;
};

} // namespace logitlab::ui
