// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file Runs the real logitlab-cli for the CLI tests and reads its JSON. */
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QProcess>
#include <QStringList>

#include <cmath>
#include <initializer_list>

namespace clirunner {

/** \brief What one run of the binary gave. */
struct Run {
    int exitCode = -1; ///< -1 if it crashed or did not finish in time
    QByteArray out;
    QByteArray err;
};

/** Runs with \a input on stdin (then closed). */
inline Run runCliWithInput(const QStringList &args, const QByteArray &input, int timeoutMs = 120000)
{
    QProcess p;
    p.start(QStringLiteral(LOGITLAB_CLI_PATH), args);
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
        p.readAllStandardError()};
}

inline Run runCli(const QStringList &args, int timeoutMs = 120000)
{
    return runCliWithInput(args, {}, timeoutMs);
}

/** Runs with --json; the parsed object (empty, with a warning, on failure). \a raw gets the run. */
inline QJsonObject runJson(const QStringList &args, Run *raw = nullptr)
{
    const Run r = runCli(args + QStringList {QStringLiteral("--json")});
    if (raw)
        *raw = r;
    if (r.exitCode != 0) {
        qWarning("exit %d: %s", r.exitCode, r.err.constData());
        return {};
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("bad JSON (%s): %s", qPrintable(error.errorString()), r.out.constData());
    return doc.object();
}

/** A JSON number, or the strings "nan", "inf", "-inf" the contract uses for non-finite values. */
inline double number(const QJsonValue &v)
{
    if (v.isString()) {
        const QString s = v.toString();
        if (s == QLatin1String("nan"))
            return NAN;
        if (s == QLatin1String("inf"))
            return INFINITY;
        if (s == QLatin1String("-inf"))
            return -INFINITY;
    }
    return v.toDouble(-12345);
}

inline QStringList args(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *a : list)
        out << QString::fromUtf8(a);
    return out;
}

} // namespace clirunner
