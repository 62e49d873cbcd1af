/** \file The main window: the status bar follows the current page; pages switch by shortcut. */
#include "mainwindow.h"
#include "pages/labpage.h"
#include "pages/lossespage.h"
#include "pages/roundingpage.h"
#include "pages/softmaxpage.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStatusBar>
#include <QTest>

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
        QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("ross-entropy")) ||
                m_window->statusBar()->currentMessage().contains(QStringLiteral("BCE")));
        m_window->setPage(0);
        QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("from the softmax page"));
    }

    void labsFitALaptopScreen()
    {
        // A 1366x768 laptop leaves about 1366 x 650 px for a page under the menu, tool and status bars.
        const QList<LabPage *> labs{m_window->softmaxPage(), m_window->lossesPage(), m_window->roundingPage()};
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

private:
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TstMainWindow)
#include "tst_mainwindow.moc"
