// SPDX-License-Identifier: GPL-3.0-or-later
/** \file Screenshots of the Training lab mid-training (not a test): the main window at
 * 1024x768, 1366x768 and 1920x1080 on the Training page after N batches of a preset, one PNG per size
 * and per model-view tab. Usage: shots_trainingpage DIR [preset=course] [batches=400] [lang],
 * e.g. lang zh_CN loads the embedded translation and a CJK font as the application does. */
#include "common/appearance.h"
#include "mainwindow.h"
#include "pages/labpage.h"
#include "training/trainingcontrols.h"
#include "training/trainingpage.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFontDatabase>
#include <QLabel>
#include <QSettings>
#include <QTabWidget>
#include <QTranslator>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("LogitLab"));
    QApplication::setApplicationName(QStringLiteral("logitlab-training-screenshots"));
    QSettings().clear();
    if (argc < 2)
        return 2;
    const QString dir = QString::fromLocal8Bit(argv[1]);
    const QString preset = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral("course");
    const long long batches = argc > 3 ? std::atoll(argv[3]) : 400;
    const QString lang = argc > 4 ? QString::fromLocal8Bit(argv[4]) : QString();
    QTranslator translator;
    if (!lang.isEmpty()) {
        if (!translator.load(QLocale(lang), QStringLiteral("logitlab"), QStringLiteral("_"), QStringLiteral(":/i18n")))
            return 3;
        QApplication::installTranslator(&translator);
    }
    logitlab::ui::applyClassroomFont(lang.isEmpty() ? QLocale(QLocale::English) : QLocale(lang)); // as main()
    const QString suffix = lang.isEmpty() ? QString() : QStringLiteral("-") + lang;
    QDir().mkpath(dir);
    for (const QSize size : {QSize(1024, 768), QSize(1366, 768), QSize(1920, 1080)}) {
        logitlab::ui::MainWindow w;
        w.resize(size);
        w.show();
        logitlab::ui::TrainingPage *page = w.trainingPage();
        if (w.width() > size.width()) // the window cannot shrink to the screen: say who is too wide
            for (int i = 0; i < 4; ++i) {
                w.setPage(i);
                if (i == 3)
                    for (QWidget *c : page->findChildren<QWidget *>())
                        if (c->minimumSizeHint().width() > 400)
                            std::fprintf(stderr, "  %s %s %d\n", c->metaObject()->className(),
                                qPrintable(c->objectName() + QLatin1Char(' ')
                                    + (qobject_cast<QLabel *>(c)
                                            ? qobject_cast<QLabel *>(c)->text().left(40)
                                            : QString::fromLatin1(c->parentWidget()->metaObject()->className()))),
                                c->minimumSizeHint().width());
                std::fprintf(stderr, "page %d minimum width %d\n", i,
                    static_cast<QWidget *>(w.currentPage())->minimumSizeHint().width());
            }
        w.setPage(3);
        QComboBox *box = page->controls()->presetBox();
        box->setCurrentIndex(box->findData(preset));
        for (int tab = 0; tab < page->viewTabs()->count(); ++tab) {
            page->viewTabs()->setCurrentIndex(tab);
            page->trainForScreenshot(batches);
            QApplication::processEvents();
            const QString name = QStringLiteral("%1/training-%2-tab%3-%4x%5%6.png")
                                     .arg(dir, preset)
                                     .arg(tab)
                                     .arg(size.width())
                                     .arg(size.height())
                                     .arg(suffix);
            if (!w.grab().save(name))
                return 1;
        }
    }
    return 0;
}
