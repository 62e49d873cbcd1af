// SPDX-License-Identifier: GPL-3.0-or-later
/** \file Every page of the main window on a projector's screen: 1024x768, 1280x720 and 1366x768
 * (and at zoom 2x): the window fits the screen, no page scrolls sideways, every visible plot is
 * at least 220 px tall, no button is cut. Failures name the widget that is too wide or too short. */
#include "common/appearance.h"
#include "mainwindow.h"
#include "pages/labpage.h"
#include "plots/plotpanel.h"
#include "plots/qcp.h"
#include "settings/settings.h"

#include <QAbstractButton>
#include <QApplication>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QTabBar>
#include <QTableView>
#include <QTest>

using namespace logitlab::ui;

/** \brief Layout tests of MainWindow's pages on small screens. */
class TstLayout : public QObject {
    Q_OBJECT
private:
    /** The widest widgets of \a page by minimum width: who forces a horizontal scrollbar. */
    static QString widest(QWidget *page)
    {
        QList<QWidget *> all = page->findChildren<QWidget *>();
        std::sort(all.begin(), all.end(),
            [](QWidget *a, QWidget *b) { return a->minimumSizeHint().width() > b->minimumSizeHint().width(); });
        QStringList out;
        for (QWidget *w : all.mid(0, 12))
            out << QStringLiteral("%1 '%2' %3")
                       .arg(QLatin1String(w->metaObject()->className()), w->objectName())
                       .arg(w->minimumSizeHint().width());
        return out.join(QStringLiteral(", "));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setApplicationName(QStringLiteral("logitlab-tst-layout"));
        QSettings().clear();
        applyClassroomFont(QLocale(QLocale::English)); // the application's font, as main() sets it
    }

    void pageFitsScreen_data()
    {
        QTest::addColumn<QSize>("screen");
        QTest::addColumn<int>("page");
        QTest::addColumn<double>("zoom");
        const QStringList names {QStringLiteral("Softmax"), QStringLiteral("Losses"), QStringLiteral("Rounding"),
            QStringLiteral("Training")};
        for (const QSize s : {QSize(1024, 768), QSize(1280, 720), QSize(1366, 768)})
            for (int p = 0; p < names.size(); ++p)
                QTest::addRow("%s at %dx%d", qPrintable(names[p]), s.width(), s.height()) << s << p << 1.0;
        // Presentation zoom 2x on a full-HD projector and on a 1366x768 one.
        for (const QSize s : {QSize(1920, 1080), QSize(1366, 768)})
            for (int p = 0; p < names.size(); ++p)
                QTest::addRow("%s at %dx%d zoom 2", qPrintable(names[p]), s.width(), s.height()) << s << p << 2.0;
    }

    void pageFitsScreen()
    {
        QFETCH(QSize, screen);
        QFETCH(int, page);
        QFETCH(double, zoom);
        writeSetting(settings::zoom(), zoom); // restored by the window, as after a lesson at 2x
        MainWindow w;
        w.resize(screen);
        w.show();
        w.setPage(page);
        w.waitForIdle();
        QApplication::processEvents();
        QWidget *p = w.currentPage();
        QVERIFY2(w.width() <= screen.width(),
            qPrintable(QStringLiteral("window %1 px wide; widest: %2").arg(w.width()).arg(widest(p))));
        QVERIFY2(w.height() <= screen.height(), qPrintable(QStringLiteral("window %1 px tall").arg(w.height())));
        for (QScrollArea *area : p->findChildren<QScrollArea *>()) {
            if (!area->isVisible())
                continue;
            // Sideways: neither a scrollbar nor content cut at the right edge (scrollbar turned off).
            QVERIFY2(!area->horizontalScrollBar()->isVisible()
                    && (!area->widget() || area->widget()->width() <= area->viewport()->width()),
                qPrintable(QStringLiteral("'%1' scrolls sideways (content %2 px in %3 px); widest: %4")
                               .arg(area->objectName())
                               .arg(area->widget() ? area->widget()->minimumSizeHint().width() : -1)
                               .arg(area->viewport()->width())
                               .arg(widest(p))));
        }
        // The Training settings stay beside the plots where both fit the 1366 px screen (zoom 1).
        if (auto *settingsArea = p->findChild<QScrollArea *>(QStringLiteral("trainingSettingsScroll"));
            settingsArea && zoom == 1.0) {
            QVERIFY2(settingsArea->isVisible(), "the Training settings were hidden");
            QVERIFY2(settingsArea->width() >= settingsArea->widget()->minimumSizeHint().width(),
                qPrintable(QStringLiteral("settings %1 px wide, need %2")
                               .arg(settingsArea->width())
                               .arg(settingsArea->widget()->minimumSizeHint().width())));
        }
        // The Softmax results table holds every method's value and ULP columns (five methods) without
        // a sideways scrollbar of its own, for the default float32 logits at zoom 1.
        if (page == 0 && zoom == 1.0)
            for (QTableView *table : p->findChildren<QTableView *>())
                QVERIFY2(!table->isVisible() || !table->horizontalScrollBar()->isVisible(),
                    qPrintable(QStringLiteral("the results table scrolls sideways: %1 px more than its %2 px")
                                   .arg(table->horizontalScrollBar()->maximum())
                                   .arg(table->viewport()->width())));
        for (PlotPanel *panel : p->findChildren<PlotPanel *>()) {
            if (!panel->isVisible())
                continue;
            QVERIFY2(panel->plot()->height() >= PlotPanel::defaultMinimumPlotHeight,
                qPrintable(QStringLiteral("plot '%1' is %2 px tall").arg(panel->title()).arg(panel->plot()->height())));
        }
        for (QAbstractButton *b : p->findChildren<QAbstractButton *>()) {
            // A tab bar's own scroll arrows are narrow by design: Qt draws them so.
            if (!b->isVisible() || b->visibleRegion().isEmpty() || qobject_cast<QTabBar *>(b->parentWidget()))
                continue;
            QVERIFY2(b->width() >= b->minimumSizeHint().width(),
                qPrintable(QStringLiteral("button '%1' cut: %2 of %3 px")
                               .arg(b->text())
                               .arg(b->width())
                               .arg(b->minimumSizeHint().width())));
        }
    }
};

QTEST_MAIN(TstLayout)
#include "tst_layout.moc"
