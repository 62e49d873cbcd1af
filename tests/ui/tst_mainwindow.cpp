// SPDX-License-Identifier: GPL-3.0-or-later
/** \file The main window: the status bar follows the current page; pages switch by shortcut. */
#include "mainwindow.h"
#include "pages/labpage.h"
#include "pages/lossespage.h"
#include "pages/roundingpage.h"
#include "pages/softmaxpage.h"

#include "common/appearance.h"
#include "plots/plotpanel.h"
#include "plots/qcp.h"
#include "settings/settings.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPalette>
#include <QPlainTextEdit>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace logitlab;
using namespace logitlab::ui;

/** \brief GUI tests of MainWindow. */
class TstMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setApplicationName(QStringLiteral("logitlab-tst-mainwindow"));
        QSettings().clear();
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1366, 768);
        m_window->show();
        m_window->waitForIdle();
    }

    void statusBarFollowsThePage()
    {
        m_window->setPage(0);
        m_window->waitForIdle();
        QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("Softmax")),
            qPrintable(m_window->statusBar()->currentMessage()));
        // The Rounding page's own message replaces it, and the softmax one never shows there.
        m_window->setPage(2);
        QCoreApplication::processEvents();
        const QString rounding = m_window->statusBar()->currentMessage();
        QVERIFY2(!rounding.contains(QStringLiteral("Softmax")), qPrintable(rounding));
        QVERIFY2(rounding.contains(QStringLiteral("exact value")), qPrintable(rounding));
        // A page computing in the background does not write over the current page's message.
        Q_EMIT m_window->softmaxPage()->statusMessage(QStringLiteral("from the softmax page"));
        QCOMPARE(m_window->statusBar()->currentMessage(), rounding);
        m_window->setPage(1);
        QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("ross-entropy"))
            || m_window->statusBar()->currentMessage().contains(QStringLiteral("BCE")));
        m_window->setPage(0);
        QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("from the softmax page"));
    }

    void labsFitALaptopScreen()
    {
        // A 1366x768 laptop leaves about 1366 x 650 px for a page under the menu, tool and status bars.
        const QList<LabPage *> labs {m_window->softmaxPage(), m_window->lossesPage(), m_window->roundingPage()};
        for (LabPage *page : labs) {
            const QSize min = page->minimumSizeHint();
            QVERIFY2(min.width() <= 1366 && min.height() <= 650,
                qPrintable(QStringLiteral("%1 needs %2x%3")
                               .arg(QString::fromLatin1(page->metaObject()->className()))
                               .arg(min.width())
                               .arg(min.height())));
        }
        for (int i = 3; i < m_window->pageCount(); ++i) { // pages of other labs: reported, not checked here
            m_window->setPage(i);
            const QSize min = m_window->currentPage()->minimumSizeHint();
            qInfo("page %d minimum size %dx%d", i + 1, min.width(), min.height());
        }
        m_window->setPage(0);
    }

    void shortcutsSwitchPages()
    {
        QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(m_window->page(), 2);
        QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(m_window->page(), 0);
    }

    void zoomKeysScaleEverything_data()
    {
        QTest::addColumn<QList<int>>("keys"); // Qt::Key_* pressed with Ctrl, in order
        QTest::addColumn<double>("expected");
        QTest::addRow("Ctrl+= once") << QList<int> {Qt::Key_Equal} << 1.25;
        QTest::addRow("Ctrl+= four times: 2x")
            << QList<int> {Qt::Key_Equal, Qt::Key_Equal, Qt::Key_Equal, Qt::Key_Equal} << 2.0;
        QTest::addRow("never past 3x") << QList<int>(12, Qt::Key_Equal) << 3.0;
        QTest::addRow("never below 1x") << QList<int> {Qt::Key_Minus, Qt::Key_Minus} << 1.0;
        QTest::addRow("Ctrl+0 resets") << QList<int> {Qt::Key_Equal, Qt::Key_Equal, Qt::Key_0} << 1.0;
    }

    void zoomKeysScaleEverything()
    {
        QFETCH(QList<int>, keys);
        QFETCH(double, expected);
        m_window->setZoom(1.0);
        m_window->setPage(0);
        const double font1 = QApplication::font().pointSizeF();
        PlotPanel *panel = m_window->softmaxPage()->plots().front();
        QTRY_COMPARE(panel->plot()->xAxis->tickLabelFont().pointSizeF(), 12.0); // the plots' 12 pt at 100 %
        const double tick1 = 12.0;
        for (int key : keys)
            QTest::keyClick(m_window.get(), static_cast<Qt::Key>(key), Qt::ControlModifier);
        QCOMPARE(zoom(), expected);
        QCOMPARE(readSetting(settings::zoom()).toDouble(), expected); // persisted
        QCOMPARE(QApplication::font().pointSizeF(), font1 * expected);
        // Plot text follows the zoom (widgets' fonts come from the application font).
        QTRY_COMPARE(panel->plot()->xAxis->tickLabelFont().pointSizeF(), tick1 * expected);
        QVERIFY(panel->plot()->minimumHeight() >= int(PlotPanel::defaultMinimumPlotHeight * expected));
        m_window->setZoom(1.0);
    }

    void highContrastKeepsDisabledGrey()
    {
        QAction *contrast = m_window->findChild<QAction *>(QStringLiteral("highContrastAction"));
        QVERIFY(contrast);
        contrast->trigger();
        QVERIFY(highContrast());
        QCOMPARE(readSetting(settings::highContrast()).toBool(), true);
        const QPalette p = QApplication::palette();
        QCOMPARE(p.color(QPalette::Active, QPalette::Text), QColor(Qt::black));
        QCOMPARE(p.color(QPalette::Active, QPalette::Base), QColor(Qt::white));
        // A disabled control must still look disabled on a projector.
        QVERIFY(p.color(QPalette::Disabled, QPalette::Text) != QColor(Qt::black));
        contrast->trigger();
        QVERIFY(!highContrast());
    }

    void doubleClickFocusesAPlotAndEscReturns()
    {
        m_window->setPage(0);
        m_window->waitForIdle();
        PlotPanel *panel = m_window->softmaxPage()->plots().at(1); // the ULP sweep, in a splitter
        QWidget *home = panel->parentWidget();
        const int homeIndex = qobject_cast<QSplitter *>(home) ? qobject_cast<QSplitter *>(home)->indexOf(panel) : -1;
        const QSize before = panel->plot()->size();
        QTest::mouseDClick(panel->plot(), Qt::LeftButton, Qt::NoModifier, panel->plot()->rect().center());
        QCOMPARE(m_window->focusedPlot(), panel);
        QTRY_VERIFY(panel->isVisible());
        QTRY_VERIFY(panel->plot()->width() > before.width() && panel->plot()->height() > before.height());
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get(), Qt::Key_Escape);
        QCOMPARE(m_window->focusedPlot(), nullptr);
        QCOMPARE(panel->parentWidget(), home);
        if (homeIndex >= 0)
            QCOMPARE(qobject_cast<QSplitter *>(home)->indexOf(panel), homeIndex);
        QTRY_VERIFY(panel->isVisible());
    }

    void exportAllFiguresWritesEveryFormat()
    {
        m_window->setPage(2); // Rounding: one plot
        m_window->waitForIdle();
        QTemporaryDir dir;
        QStringList errors;
        const int plots = static_cast<int>(m_window->currentPage()->plots().size());
        QCOMPARE(m_window->exportAllFigures(dir.path(), &errors), 4 * plots);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        const QStringList files = QDir(dir.path()).entryList(QDir::Files);
        QCOMPARE(files.size(), 4 * plots);
        PlotPanel *panel = m_window->currentPage()->plots().front();
        const QString png = dir.filePath(panel->suggestedFileName(ExportKind::Png));
        QVERIFY2(QFileInfo::exists(png), qPrintable(files.join(QLatin1Char(' '))));
        // Named after the title "Relative error of (1 + 1/n) − (1 − 1/n) vs n ...".
        QVERIFY2(QFileInfo(png).fileName().startsWith(QStringLiteral("relative-error-of-1-1-n-1-1-n-vs-n")),
            qPrintable(png));
        // Slide-ready: the title is written above the plot, so the image is taller than the plot alone.
        const QImage image(png);
        QCOMPARE(image.width(), 2 * std::max(panel->plot()->width(), 800));
        QVERIFY(image.height() > 2 * std::max(panel->plot()->height(), 500));
    }

    void everyTextFieldKeepsWhatIsTyped_data()
    {
        QTest::addColumn<int>("page");
        QTest::addColumn<QString>("typed");
        for (int p = 0; p < 4; ++p) {
            // A half-typed expression, an exponent and a bracket: a field that selected its bad
            // character, reformatted or re-parsed the text while typing would change them.
            QTest::addRow("page %d (1+2)*3", p + 1) << p << QStringLiteral("(1+2)*3");
            QTest::addRow("page %d 1e-3", p + 1) << p << QStringLiteral("1e-3");
            QTest::addRow("page %d [1000, 2000", p + 1) << p << QStringLiteral("[1000, 2000");
        }
    }

    void everyTextFieldKeepsWhatIsTyped()
    {
        QFETCH(int, page);
        QFETCH(QString, typed);
        m_window->setPage(page);
        m_window->waitForIdle();
        // The Training settings may start hidden on a small screen: show them, as a teacher would.
        if (auto *settings = m_window->currentPage()->findChild<QToolButton *>(QStringLiteral("settingsButton"));
            settings && !settings->isChecked())
            QTest::mouseClick(settings, Qt::LeftButton);
        int fields = 0;
        for (QWidget *w : m_window->currentPage()->findChildren<QWidget *>()) {
            if (!w->isVisible() || !w->isEnabled() || qobject_cast<QAbstractSpinBox *>(w->parentWidget())
                || qobject_cast<QComboBox *>(w->parentWidget()))
                continue; // spin boxes and combo boxes validate by design
            if (auto *line = qobject_cast<QLineEdit *>(w); line && !line->isReadOnly()) {
                const QString before = line->text();
                line->setFocus();
                line->selectAll();
                QTest::keyClicks(line, typed);
                QCOMPARE(line->text(), typed);
                QVERIFY(!line->hasSelectedText());
                line->selectAll();
                QTest::keyClicks(line, before); // put the lesson back as it was
                ++fields;
            } else if (auto *edit = qobject_cast<QPlainTextEdit *>(w); edit && !edit->isReadOnly()) {
                const QString before = edit->toPlainText();
                edit->setFocus();
                edit->selectAll();
                QTest::keyClicks(edit, typed);
                QCOMPARE(edit->toPlainText(), typed);
                QVERIFY(!edit->textCursor().hasSelection());
                edit->selectAll();
                QTest::keyClicks(edit, before);
                ++fields;
            }
        }
        QVERIFY2(fields > 0, "no text field found");
        m_window->waitForIdle();
    }

    void restoredWindowComesBackOnScreen()
    {
        // A window saved on a larger monitor: 3000x2000 at (2500, 1800).
        {
            QWidget big;
            big.setGeometry(2500, 1800, 3000, 2000);
            writeSetting(settings::windowGeometry(), big.saveGeometry());
        }
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QRect avail = w.screen()->availableGeometry();
        QVERIFY2(avail.contains(w.frameGeometry()) || w.width() <= avail.width(),
            qPrintable(QStringLiteral("%1,%2 %3x%4 on %5x%6")
                           .arg(w.x())
                           .arg(w.y())
                           .arg(w.width())
                           .arg(w.height())
                           .arg(avail.width())
                           .arg(avail.height())));
        QVERIFY(avail.intersects(w.frameGeometry()));
        writeSetting(settings::windowGeometry(), QByteArray());
    }

private:
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TstMainWindow)
#include "tst_mainwindow.moc"
