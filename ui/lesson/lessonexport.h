// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * `logitlab --lesson FILE --export DIR`: every figure of every scene of a lesson, rendered
 * without a display (the offscreen platform) into DIR, for handouts and the README.
 */
#include "plots/plotpanel.h"

#include <QList>
#include <QSize>
#include <QString>

class QTextStream;

namespace logitlab::ui {

/** \brief What the export writes. */
struct LessonExportOptions {
    QString lessonPath;
    QString dir;
    QList<ExportKind> kinds {ExportKind::Png, ExportKind::Svg, ExportKind::Pdf, ExportKind::Csv};
    QSize size {1366, 768}; ///< the window size the scenes are laid out at
};

/**
 * Parses "png,svg,pdf,csv" (any subset, any order); empty list and \a error set if a name is unknown.
 */
QList<ExportKind> parseExportKinds(const QString &text, QString *error);

/**
 * For each scene i (from 1): DIR/scene-ii-window.png (the whole window, results revealed) and
 * each plot of the scene's page in the requested kinds under DIR/scene-ii/. Progress and errors
 * go to \a log. Returns the process exit status: 0, 1 if some file failed, 2 for a bad lesson.
 */
int exportLesson(const LessonExportOptions &options, QTextStream &log);

} // namespace logitlab::ui
