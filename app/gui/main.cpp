// SPDX-License-Identifier: GPL-3.0-or-later
/** \file `logitlab [FILE]`: the desktop labs, opening the lesson FILE if given. `--screenshots DIR`
 * renders every page at the projector sizes (1024x768 to 1920x1080, and 1920x1080 at zoom 2) into
 * DIR (used by tools/screenshots.sh under Xvfb) and exits; `--lesson FILE --export DIR` renders
 * every figure of every scene of a lesson without a display and exits.
 */
#include "common/appearance.h"
#include "lesson/lessoncontroller.h"
#include "lesson/lessonexport.h"
#include "lesson/lessonfilemenu.h"
#include "lesson/scenedock.h"
#include "mainwindow.h"
#include "settings/settings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFontDatabase>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTextStream>
#include <QTranslator>

#include <cstdio>
#include <cstring>

int main(int argc, char *argv[])
{
    // The headless export needs no display: choose the offscreen platform before Qt starts.
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--export") == 0 && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("LogitLab"));
    QApplication::setApplicationName(QStringLiteral("logitlab"));
    QApplication::setApplicationVersion(QStringLiteral(LOGITLAB_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.logitlab.LogitLab")); // its icon on Wayland
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/io.github.logitlab.LogitLab.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("LogitLab: numerically stable softmax and cross-entropy"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption shots(QStringLiteral("screenshots"),
        QStringLiteral(
            "Render every page at 1024x768, 1280x720, 1366x768, 1920x1080 and 1920x1080 at zoom 2 into DIR and exit."),
        QStringLiteral("DIR"));
    const QCommandLineOption lang(
        QStringLiteral("lang"), QStringLiteral("UI language, e.g. zh_CN."), QStringLiteral("LOCALE"));
    const QCommandLineOption lessonOption(
        QStringLiteral("lesson"), QStringLiteral("The lesson file for --export."), QStringLiteral("FILE"));
    const QCommandLineOption exportOption(QStringLiteral("export"),
        QStringLiteral("Render every figure of every scene of --lesson FILE into DIR without a display, and exit."),
        QStringLiteral("DIR"));
    const QCommandLineOption formatsOption(QStringLiteral("formats"),
        QStringLiteral("Figure formats for --export: any of png,svg,pdf,csv (default: all)."), QStringLiteral("LIST"),
        QStringLiteral("png,svg,pdf,csv"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
        QStringLiteral("Window size for --export, e.g. 1366x768 (the default) or 1920x1080."), QStringLiteral("WxH"),
        QStringLiteral("1366x768"));
    parser.addOption(shots);
    parser.addOption(lang);
    parser.addOption(lessonOption);
    parser.addOption(exportOption);
    parser.addOption(formatsOption);
    parser.addOption(sizeOption);
    parser.addPositionalArgument(
        QStringLiteral("FILE"), QStringLiteral("A lesson (.logitlab) to open."), QStringLiteral("[FILE]"));
    parser.process(app);

    const QLocale locale = parser.isSet(lang) ? QLocale(parser.value(lang)) : QLocale();
    logitlab::ui::applyClassroomFont(locale); // 11 pt at least, a CJK family for Chinese
    QTranslator qtTranslator, appTranslator;
    if (qtTranslator.load(
            locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    if (appTranslator.load(locale, QStringLiteral("logitlab"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&appTranslator);

    if (parser.isSet(shots)) {
        // Defaults, not the user's settings: a separate application name, cleared first.
        QApplication::setApplicationName(QStringLiteral("logitlab-screenshots"));
        QSettings().clear();
        const QString dir = parser.value(shots);
        QDir().mkpath(dir);
        const QString suffix = parser.isSet(lang) ? QStringLiteral("-") + parser.value(lang) : QString();
        // The projector sizes at 100 %, and a full-HD projector at 200 % (presentation zoom).
        const struct {
            QSize size;
            double zoom;
        } shots[] = {{{1024, 768}, 1}, {{1280, 720}, 1}, {{1366, 768}, 1}, {{1920, 1080}, 1}, {{1920, 1080}, 2}};
        for (const auto &shot : shots) {
            logitlab::ui::writeSetting(logitlab::ui::settings::zoom(), shot.zoom); // the window restores it
            logitlab::ui::MainWindow w;
            w.resize(shot.size);
            w.show();
            w.sceneDock()->hide(); // the pages alone; the lesson shots below show it
            for (int page = 0; page < w.pageCount(); ++page) {
                w.setPage(page);
                w.waitForIdle();
                QApplication::processEvents();
                const QString name
                    = QStringLiteral("%1/page%2-%3x%4%5%6.png")
                          .arg(dir)
                          .arg(page + 1)
                          .arg(shot.size.width())
                          .arg(shot.size.height())
                          .arg(shot.zoom > 1 ? QStringLiteral("-zoom%1").arg(shot.zoom) : QString(), suffix);
                if (!w.grab().save(name))
                    return 1;
            }
            // A presented lesson: the first built-in lesson's overflow question, covered, then revealed.
            const QList<logitlab::ui::BuiltinLesson> lessons = logitlab::ui::builtinLessons(locale);
            if (!lessons.isEmpty() && w.openLesson(lessons.first().path)) {
                w.lessons()->goTo(2);
                for (const bool revealed : {false, true}) {
                    if (revealed)
                        w.lessons()->reveal();
                    w.waitForIdle();
                    QApplication::processEvents();
                    const QString name
                        = QStringLiteral("%1/lesson%2-%3x%4%5%6.png")
                              .arg(dir, revealed ? QStringLiteral("-revealed") : QString())
                              .arg(shot.size.width())
                              .arg(shot.size.height())
                              .arg(shot.zoom > 1 ? QStringLiteral("-zoom%1").arg(shot.zoom) : QString(), suffix);
                    if (!w.grab().save(name))
                        return 1;
                }
            }
        }
        return 0;
    }

    if (parser.isSet(exportOption) || parser.isSet(lessonOption)) {
        QTextStream err(stderr);
        const auto usage = [&](const QString &why) {
            err << "logitlab: " << why
                << "\nusage: logitlab --lesson FILE --export DIR [--formats png,svg,pdf,csv] "
                   "[--size WxH] [--lang LOCALE]"
                << Qt::endl;
            return 2;
        };
        if (!parser.isSet(exportOption) || !parser.isSet(lessonOption))
            return usage(QStringLiteral("--lesson and --export go together"));
        logitlab::ui::LessonExportOptions options;
        options.lessonPath = parser.value(lessonOption);
        options.dir = parser.value(exportOption);
        QString error;
        options.kinds = logitlab::ui::parseExportKinds(parser.value(formatsOption), &error);
        if (options.kinds.isEmpty())
            return usage(error);
        const QStringList wh = parser.value(sizeOption).split(QLatin1Char('x'));
        bool okW = false, okH = false;
        const int w = wh.value(0).toInt(&okW), h = wh.size() == 2 ? wh.value(1).toInt(&okH) : 0;
        if (!okW || !okH || w < 640 || h < 480 || w > 7680 || h > 4320)
            return usage(
                QStringLiteral("--size '%1' is not WxH between 640x480 and 7680x4320").arg(parser.value(sizeOption)));
        options.size = QSize(w, h);
        // The lesson's own inputs, not the user's settings.
        QApplication::setApplicationName(QStringLiteral("logitlab-export"));
        QSettings().clear();
        return logitlab::ui::exportLesson(options, err);
    }

    logitlab::ui::MainWindow window;
    window.show();
    if (const QStringList files = parser.positionalArguments(); !files.isEmpty())
        window.openLesson(files.first()); // a bad file is reported; the window stays usable
    return QApplication::exec();
}
