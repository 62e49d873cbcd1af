// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * \file Tests of `logitlab-cli softmax` on matrices (--dim), of LIST options read from a file
 * (@FILE) or stdin (-), and of every subcommand's usage line, through the real binary.
 */
#include "clirunner.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstdlib>
#include <unistd.h>
#include <vector>

using namespace clirunner;

class TestCliSoftmax : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void matrixSlicesEqualVectors_data();
    void matrixSlicesEqualVectors();
    void matrixTableHoldsEachSlicesTable_data();
    void matrixTableHoldsEachSlicesTable();
    void listForms_data();
    void listForms();
    void badInput_data();
    void badInput();
    void usageLine_data();
    void usageLine();
    void millionLogitsFromFile();

private:
    /** Writes \a bytes to a new file named \a name in the temporary directory; its path. */
    QString file(const QString &name, const QByteArray &bytes);
    QTemporaryDir m_dir;
};

void TestCliSoftmax::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestCliSoftmax::file(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// Each slice of a matrix softmax must hold exactly what the vector command prints for that
// slice. The slices are written out by hand (PyTorch: dim=1 normalises each row, dim=0 each
// column), and each is run through the CLI as a plain list.
void TestCliSoftmax::matrixSlicesEqualVectors_data()
{
    QTest::addColumn<QString>("matrix");
    QTest::addColumn<QString>("dim");
    QTest::addColumn<QString>("dtype");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("columns");
    QTest::addColumn<int>("normalisedDim"); // what "dim" says in the JSON
    QTest::addColumn<QStringList>("slices");
    const QString m23 = QStringLiteral("[[1, 2, 3], [4, 5, 6]]");
    QTest::addRow("nested, dim 1: rows") << m23 << QStringLiteral("1") << QStringLiteral("float32") << 2 << 3 << 1
                                         << QStringList {QStringLiteral("1 2 3"), QStringLiteral("4 5 6")};
    QTest::addRow("nested, dim 0: columns")
        << m23 << QStringLiteral("0") << QStringLiteral("float32") << 2 << 3 << 0
        << QStringList {QStringLiteral("1 4"), QStringLiteral("2 5"), QStringLiteral("3 6")};
    QTest::addRow("nested, dim -1 is dim 1") << m23 << QStringLiteral("-1") << QStringLiteral("float32") << 2 << 3 << 1
                                             << QStringList {QStringLiteral("1 2 3"), QStringLiteral("4 5 6")};
    QTest::addRow("nested, dim -2 is dim 0")
        << m23 << QStringLiteral("-2") << QStringLiteral("float32") << 2 << 3 << 0
        << QStringList {QStringLiteral("1 4"), QStringLiteral("2 5"), QStringLiteral("3 6")};
    QTest::addRow("semicolons, dim 0") << QStringLiteral("1 2; 3 4; 5 6") << QStringLiteral("0")
                                       << QStringLiteral("float64") << 3 << 2 << 0
                                       << QStringList {QStringLiteral("1 3 5"), QStringLiteral("2 4 6")};
    QTest::addRow("newlines, dim 1") << QStringLiteral("1, 2\n3, 4\n5, 6\n") << QStringLiteral("1")
                                     << QStringLiteral("float16") << 3 << 2 << 1
                                     << QStringList {
                                            QStringLiteral("1 2"), QStringLiteral("3 4"), QStringLiteral("5 6")};
    // Naive overflows in row 0 only (exp(1000) = inf in float32): the flags are per slice.
    QTest::addRow("overflow in one row, dim 1")
        << QStringLiteral("[[1000, 2000], [0, 1]]") << QStringLiteral("1") << QStringLiteral("float32") << 2 << 2 << 1
        << QStringList {QStringLiteral("1000 2000"), QStringLiteral("0 1")};
    QTest::addRow("overflow in one column, dim 0")
        << QStringLiteral("[[1000, 0], [2000, 1]]") << QStringLiteral("0") << QStringLiteral("bf16") << 2 << 2 << 0
        << QStringList {QStringLiteral("1000 2000"), QStringLiteral("0 1")};
}

void TestCliSoftmax::matrixSlicesEqualVectors()
{
    QFETCH(QString, matrix);
    QFETCH(QString, dim);
    QFETCH(QString, dtype);
    QFETCH(int, rows);
    QFETCH(int, columns);
    QFETCH(int, normalisedDim);
    QFETCH(QStringList, slices);
    const QJsonObject o = runJson({QStringLiteral("softmax"), QStringLiteral("--logits"), matrix,
        QStringLiteral("--dim"), dim, QStringLiteral("--dtype"), dtype});
    QCOMPARE(o.value(QStringLiteral("command")).toString(), QStringLiteral("softmax"));
    QCOMPARE(o.value(QStringLiteral("dim")).toInt(-9), normalisedDim);
    const QJsonArray shape = o.value(QStringLiteral("shape")).toArray();
    QCOMPARE(shape.size(), 2);
    QCOMPARE(shape[0].toInt(), rows);
    QCOMPARE(shape[1].toInt(), columns);
    const QJsonArray got = o.value(QStringLiteral("slices")).toArray();
    QCOMPARE(got.size(), slices.size());
    const QString sliceKey = normalisedDim == 1 ? QStringLiteral("row") : QStringLiteral("column");
    for (int s = 0; s < slices.size(); ++s) {
        const QJsonObject slice = got[s].toObject();
        QCOMPARE(slice.value(sliceKey).toInt(-1), s);
        const QJsonObject vector = runJson(
            {QStringLiteral("softmax"), QStringLiteral("--logits"), slices[s], QStringLiteral("--dtype"), dtype});
        QVERIFY(!vector.isEmpty());
        for (const QString &key : vector.keys()) {
            if (key == QLatin1String("command") || key == QLatin1String("dtype") || key == QLatin1String("temperature"))
                continue;
            QVERIFY2(slice.value(key) == vector.value(key), qPrintable(QStringLiteral("slice %1, %2").arg(s).arg(key)));
        }
        QCOMPARE(slice.keys().size(), vector.keys().size() - 3 + 1); // no command/dtype/temperature, plus the index
    }
}

// The text table of a matrix holds, for each slice, the vector command's table of that slice.
void TestCliSoftmax::matrixTableHoldsEachSlicesTable_data()
{
    QTest::addColumn<QString>("matrix");
    QTest::addColumn<QString>("dim");
    QTest::addColumn<QStringList>("headings");
    QTest::addColumn<QStringList>("slices");
    QTest::addRow("rows") << QStringLiteral("[[1000, 2000], [0, 1]]") << QStringLiteral("1")
                          << QStringList {QStringLiteral("row 0: 2 logits"), QStringLiteral("row 1: 2 logits")}
                          << QStringList {QStringLiteral("1000 2000"), QStringLiteral("0 1")};
    QTest::addRow("columns") << QStringLiteral("1 2 3\n4 5 6") << QStringLiteral("0")
                             << QStringList {QStringLiteral("column 0: 2 logits"), QStringLiteral("column 1: 2 logits"),
                                    QStringLiteral("column 2: 2 logits")}
                             << QStringList {QStringLiteral("1 4"), QStringLiteral("2 5"), QStringLiteral("3 6")};
}

void TestCliSoftmax::matrixTableHoldsEachSlicesTable()
{
    QFETCH(QString, matrix);
    QFETCH(QString, dim);
    QFETCH(QStringList, headings);
    QFETCH(QStringList, slices);
    const Run m = runCli({QStringLiteral("softmax"), QStringLiteral("--logits"), matrix, QStringLiteral("--dim"), dim});
    QCOMPARE(m.exitCode, 0);
    const QString table = QString::fromUtf8(m.out);
    QVERIFY2(table.startsWith(QStringLiteral("softmax along dim %1").arg(dim)), qPrintable(table));
    qsizetype from = 0;
    for (int s = 0; s < slices.size(); ++s) {
        const Run v = runCli({QStringLiteral("softmax"), QStringLiteral("--logits"), slices[s]});
        QCOMPARE(v.exitCode, 0);
        QString body = QString::fromUtf8(v.out);
        body = body.mid(body.indexOf(QLatin1Char('\n')) + 2); // drop "softmax of 2 logits in ..." and the blank line
        const QString expected = headings[s] + QStringLiteral("\n\n") + body;
        const qsizetype at = table.indexOf(expected, from);
        QVERIFY2(at >= 0, qPrintable(QStringLiteral("slice %1 not found:\n%2\nin\n%3").arg(s).arg(expected, table)));
        from = at + expected.size();
    }
}

// A list given with --dim 0 or -1, one number per line, from a file or from stdin: the same
// output as the plain argument, byte for byte (PyTorch takes dim 0 and -1 for a 1-D tensor).
void TestCliSoftmax::listForms_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("stdinBytes");
    QTest::addColumn<QStringList>("sameAs");
    const QStringList plain = args({"softmax", "--logits", "[-3, 2, -1, 0]", "--json"});
    QTest::addRow("--dim 0 on a list") << args({"softmax", "--logits", "[-3, 2, -1, 0]", "--dim", "0", "--json"})
                                       << QByteArray() << plain;
    QTest::addRow("--dim -1 on a list") << args({"softmax", "--logits", "[-3, 2, -1, 0]", "--dim", "-1", "--json"})
                                        << QByteArray() << plain;
    QTest::addRow("one number per line") << args({"softmax", "--logits", "-3\n2\n-1\n0\n", "--json"}) << QByteArray()
                                         << plain;
    QTest::addRow("@FILE") << QStringList {QStringLiteral("softmax"), QStringLiteral("--logits"),
        QLatin1Char('@') + file(QStringLiteral("list.txt"), "[-3, 2, -1, 0]\n"), QStringLiteral("--json")}
                           << QByteArray() << plain;
    QTest::addRow("@FILE, one per line (np.savetxt)") << QStringList {QStringLiteral("softmax"),
        QStringLiteral("--logits"),
        QLatin1Char('@')
            + file(QStringLiteral("lines.txt"),
                "-3.000000000000000000e+00\n2.000000000000000000e+00\n-1.000000000000000000e+00\n"
                "0.000000000000000000e+00\n"),
        QStringLiteral("--json")} << QByteArray() << plain;
    QTest::addRow("stdin") << args({"softmax", "--logits", "-", "--json"}) << QByteArray("-3 2 -1 0") << plain;
    QTest::addRow("matrix from stdin") << args({"softmax", "--logits", "-", "--dim", "0", "--json"})
                                       << QByteArray("1 2 3\n4 5 6\n")
                                       << args({"softmax", "--logits", "[[1, 2, 3], [4, 5, 6]]", "--dim", "0",
                                              "--json"});
    QTest::addRow("matrix from @FILE") << QStringList {QStringLiteral("softmax"), QStringLiteral("--logits"),
        QLatin1Char('@') + file(QStringLiteral("matrix.txt"), "[[1, 2, 3],\n [4, 5, 6]]\n"), QStringLiteral("--dim"),
        QStringLiteral("1"), QStringLiteral("--json")}
                                       << QByteArray()
                                       << args({"softmax", "--logits", "1 2 3; 4 5 6", "--dim", "1", "--json"});
    QTest::addRow("cross-entropy from @FILE")
        << QStringList {QStringLiteral("cross-entropy"), QStringLiteral("--logits"),
               QLatin1Char('@') + file(QStringLiteral("ce.txt"), "1000\n0\n"), QStringLiteral("--label"),
               QStringLiteral("1"), QStringLiteral("--json")}
        << QByteArray() << args({"cross-entropy", "--logits", "[1000, 0]", "--label", "1", "--json"});
    QTest::addRow("cross-entropy from stdin")
        << args({"cross-entropy", "--logits", "-", "--label", "1", "--json"}) << QByteArray("[1000, 0]")
        << args({"cross-entropy", "--logits", "[1000, 0]", "--label", "1", "--json"});
}

void TestCliSoftmax::listForms()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, stdinBytes);
    QFETCH(QStringList, sameAs);
    const Run got = runCliWithInput(arguments, stdinBytes);
    const Run expected = runCli(sameAs);
    QCOMPARE(expected.exitCode, 0);
    QVERIFY2(got.exitCode == 0, got.err.constData());
    QVERIFY(!got.out.isEmpty());
    QCOMPARE(got.out, expected.out);
}

// Exit 2, nothing on stdout, one "error:" line that names the culprit.
void TestCliSoftmax::badInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("stdinBytes");
    QTest::addColumn<QString>("mentions");
    QTest::addRow("matrix without --dim") << args({"softmax", "--logits", "[[1,2],[3,4]]"}) << QByteArray()
                                          << QStringLiteral("a 2x2 matrix needs --dim 0 or 1");
    QTest::addRow("3x2 by lines without --dim")
        << args({"softmax", "--logits", "1 2\n3 4\n5 6"}) << QByteArray() << QStringLiteral("a 3x2 matrix needs --dim");
    QTest::addRow("ragged nested rows") << args({"softmax", "--logits", "[[1,2],[3,4,5]]", "--dim", "1"})
                                        << QByteArray() << QStringLiteral("row 2 has 3 values, row 1 has 2");
    QTest::addRow("ragged third row by ;") << args({"softmax", "--logits", "1 2; 3 4; 5", "--dim", "0"}) << QByteArray()
                                           << QStringLiteral("row 3 has 1 value, row 1 has 2");
    QTest::addRow("ragged lines, no --dim") << args({"softmax", "--logits", "1 2 3\n4 5"}) << QByteArray()
                                            << QStringLiteral("row 2 has 2 values, row 1 has 3");
    QTest::addRow("--dim 2") << args({"softmax", "--logits", "[[1,2],[3,4]]", "--dim", "2"}) << QByteArray()
                             << QStringLiteral("--dim: 2 is out of range [-2, 1]");
    QTest::addRow("--dim x") << args({"softmax", "--logits", "[[1,2],[3,4]]", "--dim", "x"}) << QByteArray()
                             << QStringLiteral("'x'");
    QTest::addRow("--dim 1 on a list") << args({"softmax", "--logits", "1 2 3", "--dim", "1"}) << QByteArray()
                                       << QStringLiteral("--dim 1: the logits are a list");
    QTest::addRow("--dim -2 on a list") << args({"softmax", "--logits", "1 2 3", "--dim", "-2"}) << QByteArray()
                                        << QStringLiteral("--dim -2");
    QTest::addRow("--dim twice") << args({"softmax", "--logits", "[[1,2],[3,4]]", "--dim", "0", "--dim", "1"})
                                 << QByteArray() << QStringLiteral("--dim given 2 times");
    const QString missing = m_dir.filePath(QStringLiteral("no-such-file.txt"));
    QTest::addRow("missing file") << QStringList {QStringLiteral("softmax"), QStringLiteral("--logits"),
        QLatin1Char('@') + missing}
                                  << QByteArray()
                                  << QStringLiteral("--logits @%1: the file does not exist").arg(missing);
    QTest::addRow("directory") << QStringList {QStringLiteral("softmax"), QStringLiteral("--logits"),
        QLatin1Char('@') + m_dir.path()}
                               << QByteArray()
                               << QStringLiteral("--logits @%1: a directory, not a file").arg(m_dir.path());
    const QString empty = file(QStringLiteral("empty.txt"), QByteArray());
    QTest::addRow("empty file") << QStringList {QStringLiteral("softmax"), QStringLiteral("--logits"),
        QLatin1Char('@') + empty}
                                << QByteArray() << QStringLiteral("--logits @%1 is empty").arg(empty);
    const QString bad = file(QStringLiteral("bad.txt"), "1 2 3\n4 five 6\n");
    QTest::addRow("bad token in a file, by line") << QStringList {QStringLiteral("softmax"), QStringLiteral("--logits"),
        QLatin1Char('@') + bad, QStringLiteral("--dim"),
        QStringLiteral("1")} << QByteArray() << QStringLiteral("'five' at line 2, character 3 is not a number");
    // A sparse file one byte over the limit: refused before it is read.
    const QString big = m_dir.filePath(QStringLiteral("big.txt"));
    {
        QFile f(big);
        if (!f.open(QIODevice::WriteOnly) || !f.resize((64LL << 20) + 1))
            qFatal("cannot make %s", qPrintable(big));
    }
    QTest::addRow("file over 64 MiB") << QStringList {QStringLiteral("softmax"), QStringLiteral("--logits"),
        QLatin1Char('@') + big} << QByteArray()
                                      << QStringLiteral("64.0 MiB, larger than the 64 MiB limit");
    QTest::addRow("stdin over 64 MiB") << args({"softmax", "--logits", "-"}) << QByteArray((64 << 20) + 1, ' ')
                                       << QStringLiteral("--logits - (stdin): more than the 64 MiB limit");
    QTest::addRow("empty stdin") << args({"softmax", "--logits", "-"}) << QByteArray()
                                 << QStringLiteral("--logits - (stdin) is empty");
    QTest::addRow("@ without a name") << args({"softmax", "--logits", "@"}) << QByteArray()
                                      << QStringLiteral("give a file name after @");
    QTest::addRow("cross-entropy missing file") << QStringList {QStringLiteral("cross-entropy"),
        QStringLiteral("--logits"), QLatin1Char('@') + missing, QStringLiteral("--label"), QStringLiteral("0")}
                                                << QByteArray() << QStringLiteral("the file does not exist");
    const QString unreadable = file(QStringLiteral("unreadable.txt"), "1 2 3");
    QFile::setPermissions(unreadable, QFileDevice::WriteOwner);
    QTest::addRow("unreadable file") << QStringList {QStringLiteral("softmax"), QStringLiteral("--logits"),
        QLatin1Char('@') + unreadable}
                                     << QByteArray() << QStringLiteral("--logits @%1: cannot be read").arg(unreadable);
}

void TestCliSoftmax::badInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, stdinBytes);
    QFETCH(QString, mentions);
    if (QByteArray(QTest::currentDataTag()) == "unreadable file" && ::geteuid() == 0)
        QSKIP("root reads any file");
    const Run r = runCliWithInput(arguments, stdinBytes);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.out.isEmpty(), r.out.left(200).constData());
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.startsWith(QStringLiteral("error: ")), qPrintable(err));
    QCOMPARE(err.count(QLatin1Char('\n')), 1);
    QVERIFY2(err.contains(mentions), qPrintable(err));
}

// Every subcommand listed by --help says its own name in its usage line.
void TestCliSoftmax::usageLine_data()
{
    QTest::addColumn<QString>("command");
    const Run top = runCli(args({"--help"}));
    const QString help = QString::fromUtf8(top.out);
    const QString commands = help.mid(help.indexOf(QStringLiteral("Commands:\n")) + 10);
    int count = 0;
    for (const QString &line : commands.left(commands.indexOf(QStringLiteral("\n\n"))).split(QLatin1Char('\n'))) {
        const QString name = line.trimmed().section(QLatin1Char(' '), 0, 0);
        QTest::addRow("%s", qPrintable(name)) << name;
        ++count;
    }
    if (count < 5)
        qFatal("--help lists %d commands: %s", count, qPrintable(help));
}

void TestCliSoftmax::usageLine()
{
    QFETCH(QString, command);
    const Run r = runCli({command, QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    const QString first = QString::fromUtf8(r.out).section(QLatin1Char('\n'), 0, 0);
    QVERIFY2(first.startsWith(QStringLiteral("Usage: logitlab-cli %1 [options]").arg(command)), qPrintable(first));
}

/**
 * The numbers of the flat JSON array \a key in \a json, as text. QJsonDocument would need
 * gigabytes for the 12 arrays of 10^6 numbers; this reads just one.
 */
static QList<QByteArray> jsonArray(const QByteArray &json, const QByteArray &key)
{
    const qsizetype begin = json.indexOf("\"" + key + "\":[");
    if (begin < 0)
        return {};
    const qsizetype first = begin + key.size() + 4;
    QList<QByteArray> items = json.mid(first, json.indexOf(']', first) - first).split(',');
    for (QByteArray &item : items)
        item = item.trimmed();
    return items;
}

// 10^6 logits, far past the 128 KiB a single argument may hold, read from a file. The logits
// are z_i = (i mod 2001 - 1000) / 100 rounded to float32 (by glibc's correctly rounded strtof),
// so the reference is p_i = exp(z_i) / sum_j exp(z_j), computed here in long double (relative
// error ~1e-15, below the float64 rounding the CLI prints).
void TestCliSoftmax::millionLogitsFromFile()
{
    constexpr int n = 1000000;
    QByteArray text = "[";
    text.reserve(8 * n);
    std::vector<long double> z(n);
    long double sum = 0;
    for (int i = 0; i < n; ++i) {
        const QByteArray number = QByteArray::number((i % 2001 - 1000) / 100.0); // "-9.99": 6 digits, exact decimal
        text += number + (i % 10 == 9 ? '\n' : ' ');
        z[static_cast<std::size_t>(i)] = std::strtof(number.constData(), nullptr);
        sum += std::exp(z[static_cast<std::size_t>(i)]);
    }
    const QString path = file(QStringLiteral("million.txt"), text + "]");
    QVERIFY(text.size() > 128 * 1024);
    const Run r = runCli(
        {QStringLiteral("softmax"), QStringLiteral("--logits"), QLatin1Char('@') + path, QStringLiteral("--json")},
        600000); // 25-35 s at load 6 on 2 cores
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QList<QByteArray> logits = jsonArray(r.out, "logits");
    const QList<QByteArray> reference = jsonArray(r.out, "reference");
    QCOMPARE(logits.size(), n);
    QCOMPARE(reference.size(), n);
    for (int i : {0, 1, 1000, 2000, 2001, 123456, n - 1}) {
        const auto at = static_cast<std::size_t>(i);
        QCOMPARE(std::strtof(logits[i].constData(), nullptr), static_cast<float>(z[at]));
        const double expected = static_cast<double>(std::exp(z[at]) / sum);
        const double got = std::strtod(reference[i].constData(), nullptr);
        QVERIFY2(std::fabs(got - expected) <= 1e-12 * expected,
            qPrintable(QStringLiteral("%1: %2 vs %3").arg(i).arg(got).arg(expected)));
    }
    QCOMPARE(jsonArray(r.out, "values").size(), n); // the first method's, naive
    QVERIFY(!r.out.contains("\"nan\":true"));
}

QTEST_APPLESS_MAIN(TestCliSoftmax)
#include "tst_clisoftmax.moc"
