// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The subcommands of logitlab-cli and what they share: the registry, the usage error that
 * becomes exit code 2, and parsers for the options several commands take.
 */
#include "precision/format.h"

#include <QCommandLineParser>
#include <QString>

#include <functional>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace logitlab::cli {

/** \brief Bad input: main() prints "error: <message>" on stderr and exits with code 2. */
class UsageError : public std::runtime_error {
public:
    explicit UsageError(const QString &message) : std::runtime_error(message.toStdString()) { }
};

/**
 * \brief One subcommand. addOptions() declares its options; run() validates every input before
 * it writes anything to \a out (so bad input leaves stdout empty), then writes its table or,
 * with --json, exactly one JSON object. Returns the exit code.
 */
struct CliCommand {
    QString name;
    QString summary;
    std::function<void(QCommandLineParser &)> addOptions;
    std::function<int(const QCommandLineParser &, std::ostream &out, std::ostream &err)> run;
};

/** All subcommands, in the order --help lists them. Each is defined in its own file. */
std::vector<CliCommand> allCommands();

CliCommand softmaxCommand();
CliCommand crossEntropyCommand();
CliCommand bceCommand();
CliCommand roundingCommand();
CliCommand trainCommand();
CliCommand sweepCommand();
CliCommand limitsCommand();
CliCommand sumCommand();

/** Adds --dtype (default float32) to \a parser; \a multiple allows it to repeat. */
void addDtypeOption(QCommandLineParser &parser, bool multiple = false);
/** Adds --json. */
void addJsonOption(QCommandLineParser &parser);

/** The value(s) of --dtype, or throws UsageError naming the unknown format. */
Format dtypeOption(const QCommandLineParser &parser);
std::vector<Format> dtypeOptions(const QCommandLineParser &parser, std::vector<Format> defaults);

/** The value of a required option, or throws UsageError("missing --name"). */
QString requiredOption(const QCommandLineParser &parser, const QString &name);

/** The most bytes a LIST option reads from a file or from stdin (64 MiB). */
inline constexpr long long maxListInputBytes = 64LL << 20;

/** \brief The text of a LIST option and how error lines name it ("--logits", "--logits @z.txt"). */
struct ListInput {
    std::string text; ///< UTF-8
    QString label;
};

/**
 * The required LIST option \a name: its value; with "@FILE" that file's bytes, with "-" those of
 * stdin (each at most maxListInputBytes). Throws UsageError naming the missing, unreadable or
 * too large file.
 */
ListInput listOption(const QCommandLineParser &parser, const QString &name);

/** A logit LIST rounded to \a f, or throws UsageError naming the bad token or the empty list. */
std::vector<long double> parseLogitList(const ListInput &list, Format f);

/**
 * A logit matrix rounded to \a f, one vector per row (one row for a plain list), or throws
 * UsageError naming the bad token or the first row whose length differs from the first row's.
 */
std::vector<std::vector<long double>> parseLogitMatrix(const ListInput &list, Format f);

/** One number rounded to \a f, or throws UsageError naming the option and the bad text. */
long double parseNumber(const QString &text, Format f, const QString &optionName);

/**
 * Adds --temperature T: softmax(z / T), each logit divided by T exactly and rounded once, as the
 * window's temperature (T = 1/scale); \a forWhat starts the help text ("softmax: ").
 */
void addTemperatureOption(QCommandLineParser &parser, const QString &forWhat = {});

/**
 * The decimal text of --temperature, trimmed, if given; throws UsageError naming the option for
 * an empty value, a non-number, NaN, or a value outside SoftmaxLab's minTemperature..maxTemperature
 * (0.01 to 100, compared as decimals at 512 bits).
 */
std::optional<std::string> temperatureOption(const QCommandLineParser &parser);

/** A whole number in [lo, hi], or throws UsageError. */
long long parseInteger(const QString &text, long long lo, long long hi, const QString &optionName);

/** \a text broken into lines of at most \a width characters at spaces, each ending in a newline. */
std::string wrapped(const std::string &text, std::size_t width);

/** Renders rows as an aligned text table (first row is the header). */
std::string formatTable(const std::vector<std::vector<std::string>> &rows);

} // namespace logitlab::cli
