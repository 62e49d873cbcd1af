#pragma once
/** \file The LogitLab main window: one page per lab, a shared format selector, menus, status bar. */
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
    LabPage *currentPage() const;
    SoftmaxPage *softmaxPage() const { return m_softmax; }
    LossesPage *lossesPage() const { return m_losses; }
    RoundingPage *roundingPage() const { return m_rounding; }
    TrainingPage *trainingPage() const { return m_training; }
    QComboBox *formatSelector() const { return m_formatBox; }
    /** Blocks (processing events) until no page has work running. */
    void waitForIdle();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void exportCurrentPlot();
    void fillExportMenu(QMenu *menu);
    void showPageStatus(LabPage *page);
    void showAbout();
    void restoreSettings();
    void saveSettings() const;

    QListWidget *m_nav = nullptr;
    QStackedWidget *m_stack = nullptr;
    QComboBox *m_formatBox = nullptr;
    QProgressBar *m_progress = nullptr;
    SoftmaxPage *m_softmax = nullptr;
    LossesPage *m_losses = nullptr;
    RoundingPage *m_rounding = nullptr;
    TrainingPage *m_training = nullptr;
    QList<LabPage *> m_pages;
    QHash<LabPage *, QString> m_status; ///< each page's latest status message
};

} // namespace logitlab::ui
