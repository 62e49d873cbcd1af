// SPDX-License-Identifier: GPL-3.0-or-later
#include "lesson/lessonexport.h"

#include "lesson/lessoncontroller.h"
#include "lesson/lessonfilemenu.h"
#include "lesson/scenedock.h"
#include "mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QTextStream>

namespace logitlab::ui {

QList<ExportKind> parseExportKinds(const QString &text, QString *error)
{
    QList<ExportKind> kinds;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString name = part.trimmed().toLower();
        const ExportKind kind = name == QLatin1String("png") ? ExportKind::Png
            : name == QLatin1String("svg")                   ? ExportKind::Svg
            : name == QLatin1String("pdf")                   ? ExportKind::Pdf
            : name == QLatin1String("csv")                   ? ExportKind::Csv
                                                             : static_cast<ExportKind>(-1);
        if (static_cast<int>(kind) < 0) {
            *error = QStringLiteral("unknown format '%1' in --formats (expected png, svg, pdf, csv)").arg(part);
            return {};
        }
        if (!kinds.contains(kind))
            kinds.append(kind);
    }
    if (kinds.isEmpty())
        *error = QStringLiteral("--formats names no format (expected png, svg, pdf, csv)");
    return kinds;
}

int exportLesson(const LessonExportOptions &options, QTextStream &log)
{
    MainWindow window;
    window.lessonMenu()->setInteractive(false);
    window.sceneDock()->hide(); // the figures, not the scene list
    window.resize(options.size);
    window.show();
    if (!window.openLesson(options.lessonPath)) {
        log << "error: " << window.lessonMenu()->lastError() << Qt::endl;
        return 2;
    }
    if (!QDir().mkpath(options.dir)) {
        log << "error: cannot create " << options.dir << Qt::endl;
        return 2;
    }
    LessonController *lessons = window.lessons();
    const int scenes = static_cast<int>(lessons->lesson().scenes.size());
    int failures = 0, written = 0;
    for (int i = 0; i < scenes; ++i) {
        lessons->goTo(i);
        window.sceneDock()->hide();
        window.waitForIdle();
        lessons->reveal(); // a handout shows the answers
        QApplication::processEvents();
        const QString stem = QStringLiteral("scene-%1").arg(i + 1, 2, 10, QLatin1Char('0'));
        const QString shot = QDir(options.dir).filePath(stem + QStringLiteral("-window.png"));
        if (options.kinds.contains(ExportKind::Png)) {
            if (window.grab().save(shot))
                ++written;
            else {
                log << "error: cannot write " << shot << Qt::endl;
                ++failures;
            }
        }
        const QString sceneDir = QDir(options.dir).filePath(stem);
        QDir().mkpath(sceneDir);
        QStringList errors;
        written += window.exportAllFigures(sceneDir, &errors, options.kinds);
        for (const QString &e : std::as_const(errors))
            log << "error: " << e << Qt::endl;
        failures += static_cast<int>(errors.size());
        log << stem << ": " << QString::fromStdString(lessons->lesson().scenes[static_cast<std::size_t>(i)].title)
            << Qt::endl;
    }
    log << "wrote " << written << " files for " << scenes << " scenes into " << QDir::toNativeSeparators(options.dir)
        << Qt::endl;
    return failures == 0 ? 0 : 1;
}

} // namespace logitlab::ui
