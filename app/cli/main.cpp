// SPDX-License-Identifier: GPL-3.0-or-later
/** \file logitlab-cli: every lab's computation from the command line, as a table or JSON. */
#include "cli/clicommand.h"

#include <QCoreApplication>
#include <QTextStream>

#include <iostream>
#include <sstream>
#include <utility>

using logitlab::cli::CliCommand;
using logitlab::cli::UsageError;

namespace {

int fail(const QString &message)
{
    std::cerr << "error: " << message.toStdString() << std::endl;
    return 2;
}

QString topLevelHelp(const std::vector<CliCommand> &commands)
{
    QString text = QStringLiteral("Usage: logitlab-cli <command> [options]\n\n"
                                  "LogitLab %1: why numerically stable softmax and cross-entropy matter.\n\n"
                                  "Commands:\n")
                       .arg(QCoreApplication::applicationVersion());
    for (const CliCommand &c : commands)
        text += QStringLiteral("  %1  %2\n").arg(c.name.leftJustified(14), c.summary);
    text += QStringLiteral("\nOptions:\n  -h, --help     Show this help (or 'logitlab-cli <command> --help').\n"
                           "  -v, --version  Show the version.\n");
    return text;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("logitlab-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LOGITLAB_VERSION));

    const QStringList args = QCoreApplication::arguments();
    const std::vector<CliCommand> commands = logitlab::cli::allCommands();
    if (args.size() < 2)
        return fail(QStringLiteral("no command given (try logitlab-cli --help)"));
    if (args[1] == QLatin1String("--help") || args[1] == QLatin1String("-h")) {
        std::cout << topLevelHelp(commands).toStdString();
        return 0;
    }
    if (args[1] == QLatin1String("--version") || args[1] == QLatin1String("-v")) {
        std::cout << "logitlab-cli " << LOGITLAB_VERSION << std::endl;
        return 0;
    }
    const CliCommand *command = nullptr;
    for (const CliCommand &c : commands)
        if (c.name == args[1])
            command = &c;
    if (!command)
        return fail(QStringLiteral("unknown command '%1' (try logitlab-cli --help)").arg(args[1]));

    QCommandLineParser parser;
    parser.setApplicationDescription(command->summary);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help(
        QStringList {QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    parser.addOption(help);
    command->addOptions(parser);
    QStringList commandArgs = args;
    commandArgs.removeAt(1);
    commandArgs[0] = QStringLiteral("logitlab-cli %1").arg(command->name);
    if (!parser.parse(commandArgs))
        return fail(parser.errorText());
    if (parser.isSet(help)) {
        // Qt's usage line names the program path; it should name the command.
        QString text = parser.helpText();
        const QString usage = QStringLiteral("Usage: ") + args[0];
        if (text.startsWith(usage))
            text.replace(0, usage.size(), QStringLiteral("Usage: logitlab-cli ") + command->name);
        std::cout << text.toStdString();
        return 0;
    }
    // `sweep` takes the plot's name (softmax, bce, cancellation) and checks it itself.
    if (command->name != QLatin1String("sweep") && !parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    try {
        // Buffer stdout so that an error part-way leaves it empty.
        std::ostringstream out;
        const int code = command->run(parser, out, std::cerr);
        std::cout << std::move(out).str() << std::flush; // moved, not copied: it may be 200 MB
        return code;
    } catch (const UsageError &e) {
        return fail(QString::fromStdString(e.what()));
    } catch (const std::bad_alloc &) {
        return fail(QStringLiteral("out of memory: the input is too large"));
    }
}
