/** \file `logitlab`: the desktop labs. `--screenshots DIR` renders every page at the projector
 * sizes (1024x768 to 1920x1080, and 1920x1080 at zoom 2) into DIR (used by tools/screenshots.sh under Xvfb) and exits.
 */
#include "common/appearance.h"
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
#include <QTranslator>

int main(int argc, char *argv[])
{
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
    parser.addOption(shots);
    parser.addOption(lang);
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
        }
        return 0;
    }

    logitlab::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
