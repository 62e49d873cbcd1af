// SPDX-License-Identifier: GPL-3.0-or-later
/** \file
 * Hostile command lines for every logitlab-cli subcommand (issue 13): empty values, huge and
 * NaN numbers, 10,000-level nesting, unknown and duplicate options, absurd sizes, missing files,
 * directories and binary garbage where a file or a LIST should be. Each must be refused with
 * exit 2, nothing on stdout and exactly one `error:` line naming the culprit, in bounded time
 * and memory (1 GiB of address space outside sanitizer builds), and, on the ASan + UBSan build,
 * without a sanitizer report.
 */
#include "clirunner.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/resource.h>

#if defined(__SANITIZE_ADDRESS__)
#define LOGITLAB_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LOGITLAB_ASAN 1
#endif
#endif

using namespace clirunner;

namespace {

/** What one hostile run gave. */
struct HostileRun {
    bool finished = false;
    int exitCode = -1;
    QByteArray out, err;
};

/** Runs the CLI with \a input on stdin, its address space capped at 1 GiB unless ASan (whose shadow needs terabytes).
 */
HostileRun runHostile(const QStringList &arguments, const QByteArray &input)
{
    QProcess p;
#ifndef LOGITLAB_ASAN
    p.setChildProcessModifier([] {
        const rlimit limit {rlim_t(1) << 30, rlim_t(1) << 30};
        setrlimit(RLIMIT_AS, &limit);
    });
#endif
    p.start(QStringLiteral(LOGITLAB_CLI_PATH), arguments);
    p.write(input);
    p.closeWriteChannel();
    HostileRun r;
    r.finished = p.waitForFinished(120000); // generous: a refusal takes milliseconds
    if (!r.finished) {
        p.kill();
        p.waitForFinished();
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString repeated(const char *s, int n)
{
    return QString::fromUtf8(s).repeated(n);
}

} // namespace

/** \brief Hostile command lines: exit 2, empty stdout, one `error:` line naming the culprit. */
class TestCliHostile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // A file just past the 64 MiB limit on LIST files (sparse: no disk is used).
        QFile big(m_dir.filePath(QStringLiteral("big.txt")));
        QVERIFY(big.open(QIODevice::WriteOnly));
        QVERIFY(big.resize(qint64(65) << 20));
        QFile empty(m_dir.filePath(QStringLiteral("empty.txt")));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        QFile binary(m_dir.filePath(QStringLiteral("garbage.bin")));
        QVERIFY(binary.open(QIODevice::WriteOnly));
        binary.write(garbage());
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("idx")));
    }

    void refused_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("culprit");
        const QString dir = m_dir.path();
        const QString nested = repeated("(", 10000) + QStringLiteral("1") + repeated(")", 10000);
        const QString nestedList = repeated("[", 10000) + QStringLiteral("1") + repeated("]", 10000);
        const QString unbalancedList = repeated("[", 10000) + QStringLiteral("1") + repeated("]", 9999);
        const QString longSum = QStringLiteral("1") + repeated("+1", 10000);
        auto row = [](const char *name, QStringList arguments, QString culprit, QByteArray input = {}) {
            QTest::addRow("%s", name) << arguments << input << culprit;
        };
        row("unknown command", args({"frobnicate"}), QStringLiteral("frobnicate"));

        // softmax
        row("softmax empty logits", args({"softmax", "--logits", ""}), QStringLiteral("--logits"));
        row("softmax blank logits", args({"softmax", "--logits", " \t "}), QStringLiteral("--logits"));
        row("softmax missing value", args({"softmax", "--logits"}), QStringLiteral("--logits"));
        row("softmax NaN text", args({"softmax", "--logits", "1, NaNx, 3"}), QStringLiteral("NaNx"));
        row("softmax unknown option", args({"softmax", "--logits", "1", "--bogus"}), QStringLiteral("bogus"));
        row("softmax duplicate option", args({"softmax", "--logits", "1", "--logits", "2"}),
            QStringLiteral("--logits"));
        row("softmax 10000 unbalanced brackets", args({"softmax"}) << QStringLiteral("--logits") << unbalancedList,
            QStringLiteral("'['"));
        row("softmax 10000-level nesting", args({"softmax"}) << QStringLiteral("--logits") << nestedList,
            QStringLiteral("third level"));
        row("softmax 3-D array", args({"softmax", "--logits", "[[[1, 2], [3, 4]], [[5, 6], [7, 8]]]", "--dim", "1"}),
            QStringLiteral("third level"));
        row("softmax huge dim", args({"softmax", "--logits", "1", "--dim", "99999999999999999999999"}),
            QStringLiteral("--dim"));
        row("softmax dim out of range", args({"softmax", "--logits", "1", "--dim", "7"}), QStringLiteral("--dim"));
        row("softmax unknown dtype", args({"softmax", "--logits", "1", "--dtype", "float128"}),
            QStringLiteral("float128"));
        row("softmax ragged matrix", args({"softmax", "--logits", "1 2; 3", "--dim", "1"}), QStringLiteral("row 2"));
        row("softmax matrix without dim", args({"softmax", "--logits", "1 2; 3 4"}), QStringLiteral("--dim"));
        row("softmax nonexistent file", args({"softmax", "--logits", "@/nonexistent"}), QStringLiteral("/nonexistent"));
        row("softmax directory as file", args({"softmax"}) << QStringLiteral("--logits") << QStringLiteral("@") + dir,
            dir);
        row("softmax empty file",
            args({"softmax", "--logits"}) << QStringLiteral("@") + dir + QStringLiteral("/empty.txt"),
            QStringLiteral("empty.txt"));
        row("softmax file past 64 MiB",
            args({"softmax", "--logits"}) << QStringLiteral("@") + dir + QStringLiteral("/big.txt"),
            QStringLiteral("big.txt"));
        row("softmax binary file",
            args({"softmax", "--logits"}) << QStringLiteral("@") + dir + QStringLiteral("/garbage.bin"),
            QStringLiteral("garbage.bin"));
        row("softmax binary garbage on stdin", args({"softmax", "--logits", "-"}), QStringLiteral("stdin"), garbage());
        row("softmax empty stdin", args({"softmax", "--logits", "-"}), QStringLiteral("stdin"));

        // cross-entropy
        row("cross-entropy empty label", args({"cross-entropy", "--logits", "1 2", "--label", ""}),
            QStringLiteral("--label"));
        row("cross-entropy label past n", args({"cross-entropy", "--logits", "1 2", "--label", "5"}),
            QStringLiteral("--label"));
        row("cross-entropy negative label", args({"cross-entropy", "--logits", "1 2", "--label", "-1"}),
            QStringLiteral("--label"));
        row("cross-entropy huge label", args({"cross-entropy", "--logits", "1 2", "--label", "99999999999999999999"}),
            QStringLiteral("--label"));
        row("cross-entropy missing label", args({"cross-entropy", "--logits", "1 2"}), QStringLiteral("--label"));
        // A matrix was flattened into four logits; it is two samples (found by the packaging review).
        row("cross-entropy matrix", args({"cross-entropy", "--logits", "[[1,2],[3,4]]", "--label", "0"}),
            QStringLiteral("2x2 matrix"));
        row("cross-entropy ragged matrix", args({"cross-entropy", "--logits", "[[1,2],[3]]", "--label", "0"}),
            QStringLiteral("--logits"));
        row("cross-entropy empty logits", args({"cross-entropy", "--logits", "", "--label", "0"}),
            QStringLiteral("--logits"));
        row("cross-entropy nonexistent file", args({"cross-entropy", "--logits", "@/nonexistent", "--label", "0"}),
            QStringLiteral("/nonexistent"));
        row("cross-entropy binary garbage on stdin", args({"cross-entropy", "--logits", "-", "--label", "0"}),
            QStringLiteral("stdin"), garbage());
        row("cross-entropy unknown option", args({"cross-entropy", "--logits", "1", "--label", "0", "--dim", "1"}),
            QStringLiteral("dim"));

        // bce
        row("bce empty logit", args({"bce", "--logit", "", "--label", "0"}), QStringLiteral("--logit"));
        row("bce text logit", args({"bce", "--logit", "abc", "--label", "0"}), QStringLiteral("abc"));
        row("bce NaN label", args({"bce", "--logit", "1", "--label", "nan"}), QStringLiteral("--label"));
        row("bce label 2", args({"bce", "--logit", "1", "--label", "2"}), QStringLiteral("--label"));
        row("bce missing logit", args({"bce", "--label", "0"}), QStringLiteral("--logit"));
        row("bce duplicate logit", args({"bce", "--logit", "1", "--logit", "2", "--label", "0"}),
            QStringLiteral("--logit"));

        // rounding
        row("rounding empty expr", args({"rounding", "--expr", ""}), QStringLiteral("--expr"));
        row("rounding 10000-level nesting", args({"rounding", "--expr"}) << nested, QStringLiteral("nested"));
        row("rounding 20001 characters", args({"rounding", "--expr"}) << longSum, QStringLiteral("characters"));
        row("rounding unknown function", args({"rounding", "--expr", "foo(1)"}), QStringLiteral("foo"));
        row("rounding NaN text", args({"rounding", "--expr", "nan"}), QStringLiteral("nan"));
        row("rounding ends early", args({"rounding", "--expr", "1+"}), QStringLiteral("1+"));
        row("rounding unknown dtype", args({"rounding", "--dtype", "float8"}), QStringLiteral("float8"));

        // train
        row("train absurd layers", args({"train", "--layers", "65536,65536"}), QStringLiteral("--layers"));
        row("train layer past 65536", args({"train", "--layers", "99999999999999999999"}), QStringLiteral("--layers"));
        row("train empty layer", args({"train", "--layers", "25,,15"}), QStringLiteral("--layers"));
        row("train empty layers", args({"train", "--layers", ""}), QStringLiteral("--layers"));
        row("train empty lr", args({"train", "--lr", ""}), QStringLiteral("--lr"));
        row("train empty epochs", args({"train", "--epochs", ""}), QStringLiteral("--epochs"));
        row("train NaN lr", args({"train", "--lr", "nan"}), QStringLiteral("--lr"));
        row("train negative epochs", args({"train", "--epochs", "-1"}), QStringLiteral("--epochs"));
        row("train huge epochs", args({"train", "--epochs", "99999999999999"}), QStringLiteral("--epochs"));
        row("train batch 0", args({"train", "--batch", "0"}), QStringLiteral("--batch"));
        row("train huge batch", args({"train", "--batch", "99999999999"}), QStringLiteral("--batch"));
        row("train nonexistent dataset", args({"train", "--dataset", "/nonexistent"}), QStringLiteral("/nonexistent"));
        row("train directory without IDX files", args({"train", "--dataset"}) << dir + QStringLiteral("/idx"),
            QStringLiteral("train-images-idx3-ubyte"));
        row("train unknown preset", args({"train", "--preset", "nope"}), QStringLiteral("nope"));
        row("train text seed", args({"train", "--seed", "abc"}), QStringLiteral("--seed"));
        row("train twin in float80", args({"train", "--twin", "--b-dtype", "float80"}), QStringLiteral("--b-dtype"));
        row("train unknown option", args({"train", "--bogus"}), QStringLiteral("bogus"));

        // sweep
        row("sweep without plot", args({"sweep"}), QStringLiteral("softmax, bce or cancellation"));
        row("sweep unknown plot", args({"sweep", "nope"}), QStringLiteral("nope"));
        row("sweep one point", args({"sweep", "bce", "--points", "1"}), QStringLiteral("--points"));
        row("sweep a billion points", args({"sweep", "bce", "--points", "999999999"}), QStringLiteral("--points"));
        row("sweep NaN from", args({"sweep", "bce", "--from", "nan"}), QStringLiteral("--from"));
        row("sweep infinite from", args({"sweep", "bce", "--from", "inf"}), QStringLiteral("--from"));
        row("sweep empty to", args({"sweep", "bce", "--to", ""}), QStringLiteral("--to"));
        row("sweep reversed range", args({"sweep", "bce", "--from", "10", "--to", "-10"}), QStringLiteral("--from"));
        row("sweep NaN scale", args({"sweep", "softmax", "--scale", "nan"}), QStringLiteral("--scale"));
        row("sweep empty logits", args({"sweep", "softmax", "--logits", ""}), QStringLiteral("--logits"));
        row("sweep nonexistent file", args({"sweep", "softmax", "--logits", "@/nonexistent"}),
            QStringLiteral("/nonexistent"));
        row("sweep cancellation 0 points", args({"sweep", "cancellation", "--points", "0"}),
            QStringLiteral("--points"));

        // limits
        row("limits unknown dtype", args({"limits", "--dtype", "float8"}), QStringLiteral("float8"));
        row("limits unknown dtype in a list", args({"limits", "--dtype", "float32,fp128"}), QStringLiteral("fp128"));
        row("limits empty name in a list", args({"limits", "--dtype", "float32,,bf16"}), QStringLiteral("empty name"));
        row("limits extra argument", args({"limits", "float32"}), QStringLiteral("'float32'"));
        row("limits unknown option", args({"limits", "--logits", "1"}), QStringLiteral("logits"));

        // sum
        row("sum without input", args({"sum"}), QStringLiteral("--values"));
        row("sum values and repeat", args({"sum", "--values", "1", "--repeat", "1", "--count", "2"}),
            QStringLiteral("--repeat"));
        row("sum empty values", args({"sum", "--values", ""}), QStringLiteral("--values"));
        row("sum bad token", args({"sum", "--values", "1, 2x, 3"}), QStringLiteral("2x"));
        row("sum 10000-level nesting", args({"sum"}) << QStringLiteral("--values") << nestedList,
            QStringLiteral("third level"));
        row("sum binary garbage on stdin", args({"sum", "--values", "-"}), QStringLiteral("stdin"), garbage());
        row("sum repeat without count", args({"sum", "--repeat", "1"}), QStringLiteral("--count"));
        row("sum count without repeat", args({"sum", "--count", "5"}), QStringLiteral("--repeat"));
        row("sum text repeat", args({"sum", "--repeat", "abc", "--count", "2"}), QStringLiteral("abc"));
        row("sum count past 10^8", args({"sum", "--repeat", "1", "--count", "100000001"}), QStringLiteral("--count"));
        row("sum huge count", args({"sum", "--repeat", "1", "--count", "1e30"}), QStringLiteral("--count"));
        row("sum negative count", args({"sum", "--repeat", "1", "--count", "-1"}), QStringLiteral("--count"));
        row("sum fractional count", args({"sum", "--repeat", "1", "--count", "2.5"}), QStringLiteral("2.5"));
        row("sum NaN count", args({"sum", "--repeat", "1", "--count", "nan"}), QStringLiteral("--count"));
    }

    void refused()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, input);
        QFETCH(QString, culprit);
        const HostileRun r = runHostile(arguments, input);
        QVERIFY2(r.finished, "did not finish within 120 s");
        QVERIFY2(!r.err.contains("Sanitizer") && !r.err.contains("runtime error:"), r.err.left(4000).constData());
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.out, QByteArray());
        const QList<QByteArray> lines = r.err.trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.front().startsWith("error: "), lines.front().constData());
        QVERIFY2(QString::fromUtf8(lines.front()).contains(culprit), lines.front().constData());
        // The line is for reading: a 20 KB input is quoted as an excerpt.
        QVERIFY2(lines.front().size() < 600, lines.front().left(200).constData());
    }

private:
    static QByteArray garbage()
    {
        // Bytes no LIST contains, NUL and invalid UTF-8 among them (a fixed pattern, reproducible).
        QByteArray b;
        for (int i = 0; i < 4096; ++i)
            b.append(char((i * 167 + 13) & 0xff));
        return b;
    }

    QTemporaryDir m_dir;
};

QTEST_APPLESS_MAIN(TestCliHostile)
#include "tst_clihostile.moc"
