// SPDX-License-Identifier: GPL-3.0-or-later
/** \file
 * Lesson files (core/lesson/lessonfile.h). Scenes that change every field away from its default
 * round-trip exactly (read back equal, written again byte for byte); a minimal hand-written file
 * reads to the labs' defaults; each bad file gives its first problem (kind, path, detail) and a
 * sentence naming it; a newer minor version's unknown fields survive a save. The reader's time on
 * the largest files is printed, not asserted.
 */
#include "lesson/lessonfile.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <array>
#include <functional>
#include <string>
#include <vector>

using namespace logitlab;
using namespace Qt::Literals::StringLiterals;

Q_DECLARE_METATYPE(std::string)
Q_DECLARE_METATYPE(logitlab::Lesson)
Q_DECLARE_METATYPE(logitlab::LessonError)

namespace {

constexpr std::array pages {LessonPage::Softmax, LessonPage::Losses, LessonPage::Rounding, LessonPage::Training};
constexpr std::array formats {Format::Float16, Format::BFloat16, Format::Float32, Format::Float64, Format::Float80};
constexpr std::array heads {
    Head::Softmax, Head::SoftmaxClipped, Head::Logits, Head::Sigmoid, Head::SigmoidClipped, Head::SigmoidLogits};
constexpr std::array activations {
    Activation::ReLU, Activation::LeakyReLU, Activation::Sigmoid, Activation::Tanh, Activation::Linear};
constexpr std::array syntheticKinds {
    SyntheticKind::Spiral, SyntheticKind::Xor, SyntheticKind::Circles, SyntheticKind::Blobs};
constexpr std::array sources {DataSource::Mnist, DataSource::IdxDirectory, DataSource::Synthetic};
constexpr std::array methods {SoftmaxMethod::Naive, SoftmaxMethod::Shifted, SoftmaxMethod::LogSoftmax,
    SoftmaxMethod::Higham, SoftmaxMethod::Online};

/** The start of every hand-written file below. */
const std::string head = R"({"format": "logitlab-lesson", "version": "1.0", )";

/** A file with one scene (title "t", the Softmax page) holding \a fields as well. */
std::string oneScene(const std::string &fields)
{
    return head + R"("scenes": [{"title": "t", "page": "softmax")" + (fields.empty() ? "" : ", " + fields) + "}]}";
}

/** A file with one scene whose lab \a lab is the object \a fields ("training", R"("twin": 1)"). */
std::string inLab(const std::string &lab, const std::string &fields)
{
    return oneScene("\"" + lab + "\": {" + fields + "}");
}

/** A file whose top level is \a fields after format and version. */
std::string topLevel(const std::string &fields)
{
    return head + fields + "}";
}

/** \a n scenes as a JSON list body: {"title": "t", "page": "softmax"}, ... */
std::string minimalScenes(std::size_t n)
{
    std::string list;
    for (std::size_t i = 0; i < n; ++i)
        list += std::string(i ? ", " : "") + R"({"title": "t", "page": "softmax"})";
    return list;
}

/** A LIST of \a n numbers written like -123.25 (about 9 bytes each). */
std::string longList(int n)
{
    std::string list = "[";
    for (int i = 0; i < n; ++i)
        list += (i ? ", " : "") + std::to_string(i % 2000 - 1000) + "." + std::to_string(i % 4 * 25);
    return list + "]";
}

Scene sceneOn(LessonPage page, std::string title)
{
    Scene s;
    s.title = std::move(title);
    s.page = page;
    return s;
}

Lesson lessonOf(std::vector<Scene> scenes, std::string title = "Round trip", std::string language = "en")
{
    Lesson l;
    l.title = std::move(title);
    l.language = std::move(language);
    l.scenes = std::move(scenes);
    return l;
}

LessonError error(LessonErrorKind kind, std::string path, std::string detail = {}, std::string expected = {})
{
    LessonError e;
    e.kind = kind;
    e.path = std::move(path);
    e.detail = std::move(detail);
    e.expected = std::move(expected);
    return e;
}

LessonError wrongType(std::string path, JsonType type)
{
    LessonError e = error(LessonErrorKind::WrongType, std::move(path));
    e.expectedType = type;
    return e;
}

LessonError outOfRange(std::string path, std::string detail, std::string expected)
{
    return error(LessonErrorKind::OutOfRange, std::move(path), std::move(detail), std::move(expected));
}

/** Not JSON at \a line, \a column (1-based; counted by hand below); the parser's words are not checked. */
LessonError notJson(std::size_t line, std::size_t column)
{
    LessonError e = error(LessonErrorKind::NotJson, {}, "*");
    e.line = line;
    e.column = column;
    return e;
}

LessonError notALesson()
{
    return error(LessonErrorKind::NotALesson, {}, {}, "logitlab-lesson");
}

const char *const formatNames = "float16, bfloat16, float32, float64, float80";

/** Where \a a and \a b first differ, for a failure message. */
QByteArray firstDifference(const std::string &a, const std::string &b)
{
    std::size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i])
        ++i;
    return QByteArray("texts differ at byte ") + QByteArray::number(qulonglong(i)) + ": "
        + QByteArray::fromStdString(a.substr(i, 60)) + " | " + QByteArray::fromStdString(b.substr(i, 60));
}

} // namespace

/** \brief Tests of the lesson file reader and writer. */
class TstLessonFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void equalityNoticesEveryField();
    void writtenFieldsFollowTheSchema();
    void minimalFileReadsDefaults();
    void partialObjectsKeepTheOtherDefaults();
    void oldSliderRangeIsClamped_data();
    void oldSliderRangeIsClamped();
    void badFile_data();
    void badFile();
    void errorText_data();
    void errorText();
    void newerMinorKeepsUnknownFields();
    void byteOrderMarkIsAccepted();
    void duplicateKeysKeepTheLast();
    void textThatIsNotUtf8IsWrittenAsReplacement();
    void limitsThemselvesAreAccepted();
    void readerTimes();
};

// ---------------------------------------------------------------------------------------------
// Round trip

void TstLessonFile::roundTrip_data()
{
    QTest::addColumn<Lesson>("lesson");

    {
        Scene s = sceneOn(LessonPage::Softmax, "softmax list in float16");
        s.note = "overflow at 11.1 in float16";
        s.softmax.logits = "[-3, 2, -1, 0]";
        s.softmax.scaleStep = SoftmaxLab::minScaleStep;
        s.softmax.format = Format::Float16;
        s.softmax.dim = 0;
        s.softmax.slice = 1000000;
        s.softmax.matrixMethod = SoftmaxMethod::Higham;
        QTest::addRow("softmax list in float16, slider at its minimum") << lessonOf({s});
    }
    {
        Scene s = sceneOn(LessonPage::Softmax, "matrix mode");
        s.softmax.matrixMode = true;
        s.softmax.matrix = "1 2 3\n4 5 6; 1000 2000 3000";
        s.softmax.dim = 0;
        s.softmax.slice = 2;
        s.softmax.matrixMethod = SoftmaxMethod::LogSoftmax;
        s.softmax.scaleStep = SoftmaxLab::maxScaleStep;
        s.softmax.format = Format::BFloat16;
        QTest::addRow("softmax matrix mode in bfloat16, dim 0, log-softmax, slider at its maximum") << lessonOf({s});
    }
    {
        Scene s = sceneOn(LessonPage::Losses, "losses in float64");
        s.losses.logits = "[1e30, -1e30, 0]";
        s.losses.label = LossLab::maxLabel;
        s.losses.bce.from = -1.7976931348623157e308; // the largest doubles and the smallest subnormal
        s.losses.bce.to = 4.9406564584124654e-324;
        s.losses.bce.points = BceSweepInput::minPoints;
        s.losses.bce.label = "0.25";
        s.losses.format = Format::Float64;
        QTest::addRow("losses in float64, BCE range from -DBL_MAX to the smallest subnormal") << lessonOf({s});
    }
    {
        Scene s = sceneOn(LessonPage::Losses, "losses, an awkward range");
        s.losses.label = 0;
        s.losses.bce.from = 0.1; // 0.1 and -1/3 are not short in binary: the writer's digits must read back
        s.losses.bce.to = -1.0 / 3.0;
        s.losses.bce.points = BceSweepInput::maxPoints;
        s.losses.bce.label = "";
        s.losses.format = Format::Float80;
        QTest::addRow("losses in float80, BCE from 0.1 to -1/3, most points") << lessonOf({s});
    }
    {
        Scene s = sceneOn(LessonPage::Rounding, "rounding in float80");
        s.rounding.expressions = {"exp(1e30)", "1/(sqrt(2)^2-2)", "", "0.1+0.2"};
        s.rounding.format = Format::Float80;
        s.rounding.formats = {Format::Float16, Format::BFloat16, Format::Float80};
        s.rounding.cancellation.points = CancellationSweepInput::maxPoints;
        QTest::addRow("rounding in float80, three formats, an empty expression") << lessonOf({s});
    }
    {
        Scene s = sceneOn(LessonPage::Rounding, "nothing to round");
        s.rounding.expressions.clear();
        s.rounding.formats.clear();
        s.rounding.format = Format::BFloat16;
        s.rounding.cancellation.points = CancellationSweepInput::minPoints;
        QTest::addRow("rounding with no expressions and no formats") << lessonOf({s});
    }
    {
        Scene s = sceneOn(LessonPage::Training, "binary sigmoid, 4 vs 9");
        s.training.data.binaryNegative = 4;
        s.training.data.binaryPositive = 9;
        s.training.a.head = Head::Sigmoid;
        s.training.a.optimizer = Sgd {0.5};
        s.training.twin = false;
        s.trainedSteps = 250;
        QTest::addRow("training: SGD on MNIST 4 vs 9, twin off, 250 steps trained") << lessonOf({s});
    }
    {
        Scene s = sceneOn(LessonPage::Training, "momentum on IDX files");
        s.training.data.source = DataSource::IdxDirectory;
        s.training.data.idxPath = "/home/teacher/fashion-mnist";
        s.training.data.binaryPositive = 0; // one digit against the rest
        s.training.a.optimizer = Momentum {0.05, 0.5};
        s.training.a.format = Format::Float64;
        s.training.a.onNonFinite = NonFinitePolicy::Stop;
        s.training.a.init = Init::He;
        s.training.a.initScale = 8;
        s.training.a.lrDecayRate = 0.5;
        s.training.a.lrDecayEvery = 3;
        s.training.a.l2 = 1e-4;
        s.training.a.shuffle = false;
        s.training.a.epochs = 0;
        s.training.b.optimizer = Sgd {0.25};
        s.training.b.format = Format::Float64;
        s.trainedSteps = 1;
        QTest::addRow("training: momentum on IDX data, float64, stop on non-finite") << lessonOf({s});
    }
    {
        Scene s = sceneOn(LessonPage::Training, "Adam twins on circles");
        s.training.data.source = DataSource::Synthetic;
        s.training.data.synthetic = SyntheticKind::Circles;
        s.training.data.noise = 0.35;
        s.training.a.hidden = {64};
        s.training.a.activation = Activation::Tanh;
        s.training.a.optimizer = Adam {0.002, 0.8, 0.99, 1e-8};
        s.training.b.head = Head::SoftmaxClipped;
        s.training.b.format = Format::Float64;
        s.training.b.optimizer = Momentum {0.003, 0.0};
        s.training.b.l2 = 0.5;
        s.trainedSteps = 12345;
        QTest::addRow("training: Adam for A, momentum 0 for B, synthetic circles") << lessonOf({s});
    }
    {
        Scene s = sceneOn(LessonPage::Training, "every limit");
        s.training.data.source = DataSource::Synthetic;
        s.training.data.synthetic = SyntheticKind::Blobs;
        s.training.data.noise = TrainingLimits::maxNoise;
        s.training.data.binaryNegative = TrainingLimits::maxDigit;
        s.training.data.binaryPositive = TrainingLimits::maxDigit;
        s.training.a.hidden.assign(LessonLimits::maxHiddenLayers, TrainingLimits::maxLayerWidth);
        s.training.a.hidden.front() = 1;
        s.training.a.batchSize = TrainingLimits::maxBatchSize;
        s.training.a.epochs = TrainingLimits::maxEpochs;
        s.training.a.seed = TrainingLimits::maxSeed;
        s.training.a.lrDecayRate = TrainingLimits::minDecayRate;
        s.training.a.lrDecayEvery = TrainingLimits::maxDecayEvery;
        s.training.a.l2 = TrainingLimits::maxL2;
        s.training.a.initScale = TrainingLimits::minInitScale;
        s.training.a.optimizer = Adam {TrainingLimits::maxLearningRate, 0.0, 0.9999999999999999, 1.0};
        s.training.b.optimizer = Sgd {TrainingLimits::minLearningRate};
        s.training.b.l2 = TrainingLimits::maxL2;
        s.trainedSteps = LessonLimits::maxTrainedSteps;
        QTest::addRow("training: every number at its limit, 16 hidden layers") << lessonOf({s});
    }
    {
        Scene s = sceneOn(LessonPage::Softmax, "predict, then reveal");
        s.question = "What does naive softmax give for [1000, 2000, 3000] in float32?";
        s.hidden = {HiddenPart::Results, HiddenPart::Plots};
        s.softmax.logits = "[1000, 2000, 3000]";
        Scene t = sceneOn(LessonPage::Training, "predict the plateau");
        t.question = "Where does the clipped loss stop?";
        t.hidden = {HiddenPart::Plots};
        QTest::addRow("questions hiding results and plots") << lessonOf({s, t});
    }
    {
        Scene s = sceneOn(LessonPage::Softmax, "数值稳定的 softmax 🔥");
        s.note = "老师：先问学生，再揭晓 😀 👩‍🏫 (a ZWJ sequence)";
        s.question = "朴素 softmax 对 [1000, 2000, 3000] 给出什么？";
        s.hidden = {HiddenPart::Results};
        s.softmax.logits = "［１，２，３］"; // full-width, as a Chinese input method types it
        s.rounding.expressions = {"１＋２", "−1", "√2"};
        s.training.data.idxPath = "/home/老师/数据 📁/mnist";
        s.losses.bce.label = std::string("quote \" backslash \\ tab \t newline \n return \r \x01\x1f\x7f nul ")
            + std::string(1, '\0') + "end";
        QTest::addRow("Unicode: Chinese, emoji, control characters and NUL")
            << lessonOf({s}, "课程 1：softmax 🔢", "zh-CN");
    }
    {
        Scene s = sceneOn(LessonPage::Softmax, "100,000 logits");
        s.softmax.logits = longList(100000);
        QTest::addRow("a LIST of 100,000 logits") << lessonOf({s});
    }
    {
        std::vector<Scene> scenes;
        for (std::size_t i = 0; i < formats.size(); ++i) {
            Scene s = sceneOn(pages[i % pages.size()], "format " + std::to_string(i));
            s.softmax.format = s.losses.format = s.rounding.format = formats[i];
            s.rounding.formats = {formats[i], formats[(i + 1) % formats.size()]};
            s.training.a.format = i % 2 ? Format::Float64 : Format::Float32;
            s.training.b.format = i % 2 ? Format::Float32 : Format::Float64;
            scenes.push_back(s);
        }
        QTest::addRow("every page, every format name") << lessonOf(scenes);
    }
    {
        std::vector<Scene> scenes;
        for (std::size_t i = 0; i < heads.size(); ++i) {
            Scene s = sceneOn(LessonPage::Training, "names " + std::to_string(i));
            s.training.a.head = heads[i];
            s.training.b.head = heads[(i + 3) % heads.size()];
            s.training.a.activation = activations[i % activations.size()];
            s.training.a.init = i % 2 ? Init::He : Init::Glorot;
            s.training.a.onNonFinite = i % 2 ? NonFinitePolicy::Continue : NonFinitePolicy::Stop;
            s.training.data.synthetic = syntheticKinds[i % syntheticKinds.size()];
            s.training.data.source = sources[i % sources.size()];
            s.softmax.matrixMethod = methods[i % methods.size()];
            s.training.a.optimizer = i % 3 == 0 ? Optimizer {Sgd {0.3}}
                : i % 3 == 1                    ? Optimizer {Momentum {0.3, 0.7}}
                                                : Optimizer {Adam {0.3, 0.5, 0.6, 0.7}};
            scenes.push_back(s);
        }
        QTest::addRow("every head, activation, init, data source, synthetic set, method, optimiser")
            << lessonOf(scenes);
    }
    {
        Scene s = sceneOn(LessonPage::Rounding, "the longest texts");
        s.note = std::string(LessonLimits::maxTextBytes, 'n');
        s.rounding.expressions.assign(LessonLimits::maxExpressions, "1/3");
        QTest::addRow("a note of exactly 1 MiB and 100 expressions") << lessonOf({s}, "", "");
    }
    {
        std::vector<Scene> scenes;
        for (std::size_t i = 0; i < LessonLimits::maxScenes; ++i) {
            Scene s = sceneOn(pages[i % pages.size()], "scene " + std::to_string(i));
            s.softmax.scaleStep = static_cast<int>(i % 401) - 200; // every step of the slider
            s.trainedSteps = static_cast<long long>(i) * 1000;
            scenes.push_back(s);
        }
        QTest::addRow("500 scenes") << lessonOf(scenes);
    }
}

void TstLessonFile::roundTrip()
{
    QFETCH(Lesson, lesson);
    // Not vacuous: every scene differs from a default scene with its title and page.
    for (const Scene &s : lesson.scenes) {
        const Scene plain = sceneOn(s.page, s.title);
        QVERIFY2(!(s == plain), s.title.c_str());
    }

    const std::string text = writeLesson(lesson);
    QVERIFY(text.starts_with("{\n  \"format\": \"logitlab-lesson\",\n  \"version\": \"1.0\",\n"));
    QVERIFY(text.ends_with("}\n"));

    const auto read = readLesson(text);
    if (const auto *e = std::get_if<LessonError>(&read))
        QFAIL(lessonErrorText(*e).c_str());
    const Lesson &back = std::get<Lesson>(read);
    QCOMPARE(back.scenes.size(), lesson.scenes.size());
    for (std::size_t i = 0; i < lesson.scenes.size(); ++i)
        QVERIFY2(back.scenes[i] == lesson.scenes[i], lesson.scenes[i].title.c_str());
    QVERIFY(back == lesson);

    const std::string again = writeLesson(back);
    QVERIFY2(again == text, firstDifference(again, text).constData());
}

// Scene::operator== is written out field by field: a field it left out would let every round trip
// above pass without comparing that field. Each change below must make the value unequal.
void TstLessonFile::equalityNoticesEveryField()
{
    const std::vector<std::pair<const char *, std::function<void(Scene &)>>> changes {
        {"title", [](Scene &s) { s.title = "x"; }},
        {"note", [](Scene &s) { s.note = "x"; }},
        {"question", [](Scene &s) { s.question = "x"; }},
        {"hidden", [](Scene &s) { s.hidden = {HiddenPart::Plots}; }},
        {"page", [](Scene &s) { s.page = LessonPage::Losses; }},
        {"softmax", [](Scene &s) { s.softmax.dim = 0; }},
        {"losses", [](Scene &s) { s.losses.label = 0; }},
        {"rounding", [](Scene &s) { s.rounding.cancellation.points = 2; }},
        {"training", [](Scene &s) { s.training.b.l2 = 1; }},
        {"trainedSteps", [](Scene &s) { s.trainedSteps = 1; }},
    };
    for (const auto &[name, change] : changes) {
        Scene changed;
        change(changed);
        QVERIFY2(!(changed == Scene {}), name);
        QVERIFY2(!(lessonOf({changed}) == lessonOf({Scene {}})), name);
    }
    QVERIFY(!(lessonOf({Scene {}}, "a") == lessonOf({Scene {}}, "b")));
    QVERIFY(!(lessonOf({Scene {}}, "a", "en") == lessonOf({Scene {}}, "a", "zh-CN")));
    QVERIFY(!(lessonOf({Scene {}}) == lessonOf({Scene {}, Scene {}})));

    // The JSON a value was read from is not part of it.
    Scene read;
    read.sourceJson = R"({"title": "", "extra": 1})";
    QVERIFY(read == Scene {});
    Lesson lesson = lessonOf({read});
    lesson.sourceJson = R"({"extra": 2})";
    QVERIFY(lesson == lessonOf({Scene {}}));
}

namespace {

QStringList sortedKeys(const QJsonObject &o)
{
    QStringList keys = o.keys();
    keys.sort();
    return keys;
}

QStringList sorted(std::initializer_list<const char *> names)
{
    QStringList list;
    for (const char *name : names)
        list.append(QString::fromLatin1(name));
    list.sort();
    return list;
}

QJsonArray texts(std::initializer_list<const char *> values)
{
    QJsonArray array;
    for (const char *value : values)
        array.append(QString::fromUtf8(value));
    return array;
}

} // namespace

// The file as issue 10 and lessonfile.h describe it, parsed by Qt's JSON reader (not the one under
// test): every field under its JSON name with its value's name, each object holding exactly the
// fields of its lab.
void TstLessonFile::writtenFieldsFollowTheSchema()
{
    Scene s = sceneOn(LessonPage::Training, "schema");
    s.note = "n";
    s.question = "q?";
    s.hidden = {HiddenPart::Plots, HiddenPart::Results};
    s.softmax.matrixMode = true;
    s.softmax.matrixMethod = SoftmaxMethod::LogSoftmax;
    s.softmax.format = Format::BFloat16;
    s.softmax.scaleStep = -250;
    s.losses.bce.from = -2.5;
    s.rounding.formats = {Format::Float80};
    s.training.data.source = DataSource::Synthetic;
    s.training.data.synthetic = SyntheticKind::Xor;
    s.training.a.activation = Activation::LeakyReLU;
    s.training.a.head = Head::SigmoidLogits;
    s.training.a.optimizer = Adam {0.002, 0.8, 0.99, 1e-8};
    s.training.a.init = Init::He;
    s.training.a.format = Format::Float64;
    s.training.a.onNonFinite = NonFinitePolicy::Stop;
    s.training.a.seed = 42;
    s.training.b.optimizer = Momentum {0.05, 0.5};
    s.trainedSteps = 250;
    const std::string text = writeLesson(lessonOf({s}, "Lesson", "zh-CN"));

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(text), &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    const QJsonObject root = doc.object();
    QCOMPARE(sortedKeys(root), sorted({"format", "version", "title", "language", "scenes"}));
    QCOMPARE(root[u"format"_s].toString(), u"logitlab-lesson"_s);
    QCOMPARE(root[u"version"_s].toString(), u"1.0"_s);
    QCOMPARE(root[u"title"_s].toString(), u"Lesson"_s);
    QCOMPARE(root[u"language"_s].toString(), u"zh-CN"_s);
    QCOMPARE(root[u"scenes"_s].toArray().size(), 1);

    const QJsonObject scene = root[u"scenes"_s].toArray()[0].toObject();
    QCOMPARE(sortedKeys(scene),
        sorted({"title", "note", "question", "hide", "page", "softmax", "losses", "rounding", "training"}));
    QCOMPARE(scene[u"title"_s].toString(), u"schema"_s);
    QCOMPARE(scene[u"note"_s].toString(), u"n"_s);
    QCOMPARE(scene[u"question"_s].toString(), u"q?"_s);
    QCOMPARE(scene[u"hide"_s].toArray(), texts({"plots", "results"}));
    QCOMPARE(scene[u"page"_s].toString(), u"training"_s);

    const QJsonObject softmax = scene[u"softmax"_s].toObject();
    QCOMPARE(sortedKeys(softmax),
        sorted({"logits", "matrix", "matrix_mode", "dim", "slice", "matrix_method", "scale_step", "format"}));
    QCOMPARE(softmax[u"logits"_s].toString(), u"[1000, 1001, 1002, 880]"_s);
    QCOMPARE(softmax[u"matrix_mode"_s].toBool(), true);
    QCOMPARE(softmax[u"dim"_s].toInt(), 1);
    QCOMPARE(softmax[u"matrix_method"_s].toString(), u"log_softmax"_s);
    QCOMPARE(softmax[u"scale_step"_s].toInt(), -250);
    QCOMPARE(softmax[u"format"_s].toString(), u"bfloat16"_s);

    const QJsonObject losses = scene[u"losses"_s].toObject();
    QCOMPARE(sortedKeys(losses), sorted({"logits", "label", "bce", "format"}));
    QCOMPARE(sortedKeys(losses[u"bce"_s].toObject()), sorted({"from", "to", "points", "label"}));
    QCOMPARE(losses[u"bce"_s][u"from"_s].toDouble(), -2.5);
    QCOMPARE(losses[u"bce"_s][u"points"_s].toInt(), 2001);
    QCOMPARE(losses[u"bce"_s][u"label"_s].toString(), u"1"_s);
    QCOMPARE(losses[u"label"_s].toInt(), 3);
    QCOMPARE(losses[u"format"_s].toString(), u"float32"_s);

    const QJsonObject rounding = scene[u"rounding"_s].toObject();
    QCOMPARE(sortedKeys(rounding), sorted({"expressions", "format", "formats", "cancellation_points"}));
    QCOMPARE(rounding[u"expressions"_s].toArray(), texts({"2/10000", "(1+1/10000)-(1-1/10000)"}));
    QCOMPARE(rounding[u"formats"_s].toArray(), texts({"float80"}));
    QCOMPARE(rounding[u"cancellation_points"_s].toInt(), 241);

    const QJsonObject training = scene[u"training"_s].toObject();
    QCOMPARE(sortedKeys(training), sorted({"data", "a", "twin", "b", "trained_steps"}));
    QCOMPARE(training[u"trained_steps"_s].toInt(), 250);
    QCOMPARE(training[u"twin"_s].toBool(), true);
    const QJsonObject data = training[u"data"_s].toObject();
    QCOMPARE(
        sortedKeys(data), sorted({"source", "idx_path", "synthetic", "noise", "binary_negative", "binary_positive"}));
    QCOMPARE(data[u"source"_s].toString(), u"synthetic"_s);
    QCOMPARE(data[u"synthetic"_s].toString(), u"xor"_s);
    QCOMPARE(data[u"binary_negative"_s].toInt(), -1);
    const QJsonObject a = training[u"a"_s].toObject();
    QCOMPARE(sortedKeys(a),
        sorted({"hidden", "activation", "head", "optimizer", "lr_decay_rate", "lr_decay_every", "l2", "batch_size",
            "epochs", "init", "init_scale", "seed", "shuffle", "format", "mixed", "on_non_finite"}));
    QCOMPARE(sortedKeys(a[u"mixed"_s].toObject()),
        sorted({"accumulate", "master_weights", "loss_scale", "update_rounding"}));
    QCOMPARE(sortedKeys(a[u"mixed"_s].toObject()[u"loss_scale"_s].toObject()),
        sorted({"kind", "scale", "growth_factor", "growth_interval", "backoff_factor"}));
    QCOMPARE(a[u"hidden"_s].toArray(), QJsonArray({25, 15}));
    QCOMPARE(a[u"activation"_s].toString(), u"leaky-relu"_s);
    QCOMPARE(a[u"head"_s].toString(), u"sigmoid-logits"_s);
    QCOMPARE(a[u"init"_s].toString(), u"he"_s);
    QCOMPARE(a[u"seed"_s].toInt(), 42);
    QCOMPARE(a[u"format"_s].toString(), u"float64"_s);
    QCOMPARE(a[u"on_non_finite"_s].toString(), u"stop"_s);
    const QJsonObject adam = a[u"optimizer"_s].toObject();
    QCOMPARE(sortedKeys(adam), sorted({"kind", "learning_rate", "beta1", "beta2", "epsilon"}));
    QCOMPARE(adam[u"kind"_s].toString(), u"adam"_s);
    QCOMPARE(adam[u"beta1"_s].toDouble(), 0.8);
    QCOMPARE(adam[u"epsilon"_s].toDouble(), 1e-8);
    const QJsonObject b = training[u"b"_s].toObject();
    QCOMPARE(sortedKeys(b), sorted({"head", "format", "optimizer", "l2", "mixed"}));
    QCOMPARE(b[u"head"_s].toString(), u"logits"_s);
    const QJsonObject momentum = b[u"optimizer"_s].toObject();
    QCOMPARE(sortedKeys(momentum), sorted({"kind", "learning_rate", "momentum"}));
    QCOMPARE(momentum[u"kind"_s].toString(), u"momentum"_s);
    QCOMPARE(momentum[u"learning_rate"_s].toDouble(), 0.05);
    QCOMPARE(momentum[u"momentum"_s].toDouble(), 0.5);
}

// ---------------------------------------------------------------------------------------------
// Defaults

// A hand-written lesson states only what it changes; the rest is each lab's default. The values
// checked literally are the course's, as README and the labs' headers state them.
void TstLessonFile::minimalFileReadsDefaults()
{
    const std::string file = R"({"format": "logitlab-lesson", "version": "1.0", "scenes": [
  {"title": "Softmax", "page": "softmax"},
  {"title": "Training", "page": "training"}
]}
)";
    const auto read = readLesson(file);
    if (const auto *e = std::get_if<LessonError>(&read))
        QFAIL(lessonErrorText(*e).c_str());
    const Lesson &lesson = std::get<Lesson>(read);
    QCOMPARE(lesson.title, std::string());
    QCOMPARE(lesson.language, std::string());
    QCOMPARE(lesson.scenes.size(), std::size_t(2));
    QCOMPARE(lesson.scenes[0].title, std::string("Softmax"));
    QVERIFY(lesson.scenes[0].page == LessonPage::Softmax);
    QCOMPARE(lesson.scenes[1].title, std::string("Training"));
    QVERIFY(lesson.scenes[1].page == LessonPage::Training);

    for (const Scene &s : lesson.scenes) {
        QVERIFY(s.note.empty());
        QVERIFY(s.question.empty());
        QVERIFY(s.hidden.empty());
        QCOMPARE(s.trainedSteps, 0LL);
        QVERIFY(s.softmax == SoftmaxLab {});
        QVERIFY(s.losses == LossLab {});
        QVERIFY(s.rounding == RoundingLab {});
        QVERIFY(s.training == TrainingLab {});

        QCOMPARE(s.softmax.logits, std::string("[1000, 1001, 1002, 880]"));
        QCOMPARE(s.softmax.matrixMode, false);
        QCOMPARE(s.softmax.dim, 1);
        QCOMPARE(s.softmax.scaleStep, 0);
        QVERIFY(s.softmax.format == Format::Float32);
        QCOMPARE(s.losses.logits, std::string("[2.0, 1.0, 0.1, -50]"));
        QCOMPARE(s.losses.label, 3);
        QCOMPARE(s.losses.bce.from, -1000.0);
        QCOMPARE(s.losses.bce.to, 1000.0);
        QCOMPARE(s.losses.bce.points, 2001);
        QCOMPARE(s.losses.bce.label, std::string("1"));
        QVERIFY((s.rounding.expressions == std::vector<std::string> {"2/10000", "(1+1/10000)-(1-1/10000)"}));
        QVERIFY((s.rounding.formats == std::vector<Format> {Format::Float32, Format::Float64}));
        QCOMPARE(s.rounding.cancellation.points, 241);
        // The course network: 784-25-15-10, ReLU, SGD 0.1, batch 32, 10 epochs; A the softmax
        // output layer, twin B from_logits.
        QVERIFY(s.training.data.source == DataSource::Mnist);
        QCOMPARE(s.training.data.binaryPositive, -1);
        QVERIFY((s.training.a.hidden == std::vector<int> {25, 15}));
        QVERIFY(s.training.a.activation == Activation::ReLU);
        QVERIFY(s.training.a.head == Head::Softmax);
        QVERIFY(s.training.a.optimizer == Optimizer {Sgd {0.1}});
        QCOMPARE(s.training.a.batchSize, 32);
        QCOMPARE(s.training.a.epochs, 10);
        QCOMPARE(s.training.a.seed, std::uint64_t {1});
        QVERIFY(s.training.twin);
        QVERIFY(s.training.b.head == Head::Logits);
        QVERIFY(s.training.b.optimizer == Optimizer {Sgd {0.1}});
    }
}

// A lab object that names some fields keeps the defaults of the others; an optimiser of another
// kind starts from that kind's own defaults (Keras's), then takes the fields given.
void TstLessonFile::partialObjectsKeepTheOtherDefaults()
{
    const auto sceneOf = [](const std::string &file) {
        const auto read = readLesson(file);
        if (const auto *e = std::get_if<LessonError>(&read)) {
            qWarning("%s", lessonErrorText(*e).c_str());
            Scene unread;
            unread.trainedSteps = -1; // no lab compares equal below
            unread.softmax.dim = unread.losses.label = -1;
            unread.training.twin = false;
            return unread;
        }
        return std::get<Lesson>(read).scenes.at(0);
    };

    SoftmaxLab softmax;
    softmax.format = Format::Float64;
    softmax.dim = 0;
    QVERIFY(sceneOf(inLab("softmax", R"("format": "float64", "dim": 0.0)")).softmax == softmax);

    LossLab losses;
    losses.bce.points = 11;
    QVERIFY(sceneOf(inLab("losses", R"("bce": {"points": 11}, "unknown": [1, {"a": null}])")).losses == losses);

    TrainingLab adam;
    adam.a.optimizer = Adam {0.01, 0.9, 0.999, 1e-7};
    QVERIFY(
        sceneOf(inLab("training", R"("a": {"optimizer": {"kind": "adam", "learning_rate": 0.01}})")).training == adam);

    TrainingLab momentum;
    momentum.a.optimizer = Momentum {0.01, 0.9}; // Keras's SGD(momentum=0.9) default rate, not the course's 0.1
    QVERIFY(sceneOf(inLab("training", R"("a": {"optimizer": {"kind": "momentum"}})")).training == momentum);

    TrainingLab sgd;
    sgd.a.optimizer = Sgd {0.5};
    sgd.b.optimizer = Sgd {0.25};
    QVERIFY(sceneOf(inLab("training",
                        R"("a": {"optimizer": {"learning_rate": 0.5}}, "b": {"optimizer": {"learning_rate": 0.25}})"))
                .training
        == sgd);

    TrainingLab seeded;
    seeded.a.seed = 1000000000;
    QVERIFY(sceneOf(inLab("training", R"("a": {"seed": 1e9})")).training == seeded);
}

// Until the slider became the temperature control (T = 1/scale from 0.01 to 100, issue 12) it ran
// from step -300 to 300 (scale 0.001 to 1000). Such files still open: a step past the new ends
// is read as the end, every other field as written; past the old ends is an error (badFile).
void TstLessonFile::oldSliderRangeIsClamped_data()
{
    QTest::addColumn<int>("inFile");
    QTest::addColumn<int>("read");
    QTest::addRow("old minimum -300 (scale 0.001) reads as -200 (T = 100)") << -300 << -200;
    QTest::addRow("-201 reads as -200") << -201 << -200;
    QTest::addRow("-200 stays") << -200 << -200;
    QTest::addRow("150 (the built-in lesson's) stays") << 150 << 150;
    QTest::addRow("200 stays") << 200 << 200;
    QTest::addRow("250 (scale 316) reads as 200 (T = 0.01)") << 250 << 200;
    QTest::addRow("old maximum 300 reads as 200") << 300 << 200;
}

void TstLessonFile::oldSliderRangeIsClamped()
{
    QFETCH(int, inFile);
    QFETCH(int, read);
    const auto lesson = readLesson(
        inLab("softmax", R"("logits": "[1, 2]", "format": "float16", "scale_step": )" + std::to_string(inFile)));
    const auto *l = std::get_if<Lesson>(&lesson);
    QVERIFY2(l, lesson.index() == 1 ? lessonErrorText(std::get<LessonError>(lesson)).c_str() : "");
    SoftmaxLab expected;
    expected.logits = "[1, 2]";
    expected.format = Format::Float16;
    expected.scaleStep = read;
    QVERIFY(l->scenes.at(0).softmax == expected);
    QCOMPARE(l->scenes.at(0).softmax.scaleStep, read);
}

// ---------------------------------------------------------------------------------------------
// Bad files

void TstLessonFile::badFile_data()
{
    QTest::addColumn<std::string>("file");
    QTest::addColumn<LessonError>("expected");
    using K = LessonErrorKind;
    const std::string scene = R"({"title": "t", "page": "softmax"})";

    // Not JSON. Lines and columns counted by hand: the character where the parser stopped, or one
    // past the last character when the input ends early.
    QTest::addRow("empty file") << std::string() << notJson(1, 1);
    QTest::addRow("only white space (ends on line 2 after a tab and a space)")
        << std::string(" \n\t ") << notJson(2, 3);
    QTest::addRow("truncated on line 3 after its 16 characters")
        << std::string("{\n  \"format\": \"logitlab-lesson\",\n  \"version\": \"1.") << notJson(3, 17);
    QTest::addRow("a bare word on line 2, column 13")
        << std::string("{\n  \"format\": x,\n  \"version\": \"1.0\"}") << notJson(2, 13);
    QTest::addRow("NaN") << std::string(R"({"format": NaN})") << notJson(1, 12);
    QTest::addRow("nan (read as a misspelt null)") << std::string(R"({"x": nan})") << notJson(1, 8);
    QTest::addRow("Infinity") << std::string(R"({"learning_rate": Infinity})") << notJson(1, 19);
    QTest::addRow("-Infinity") << std::string(R"({"from": -Infinity})") << notJson(1, 11);
    QTest::addRow("1e400, beyond double, at its first character")
        << std::string("{\n  \"learning_rate\": 1e400\n}") << notJson(2, 20);
    QTest::addRow("-1e400 after a string holding 1e400")
        << std::string(R"({"t": "1e400", "x": -1e400})") << notJson(1, 21);
    QTest::addRow("invalid UTF-8: a lone 0xFF") << std::string("{\"format\": \"\xff\"}") << notJson(1, 13);
    QTest::addRow("invalid UTF-8: Latin-1 e-acute before the quote")
        << std::string("{\"title\": \"caf\xe9\"}") << notJson(1, 16);
    QTest::addRow("invalid UTF-8: overlong 0xC0 0xAF") << std::string("{\"t\": \"\xc0\xaf\"}") << notJson(1, 8);
    QTest::addRow("a lone surrogate escape") << std::string(R"({"t": "\ud800"})") << notJson(1, 14);
    QTest::addRow("a broken byte-order mark") << std::string("\xef\xbb{}") << notJson(1, 2);
    QTest::addRow("a trailing comma") << std::string(R"({"a": 1,})") << notJson(1, 9);
    QTest::addRow("single quotes") << std::string("{'format': 1}") << notJson(1, 2);
    QTest::addRow("a comment") << std::string("// lesson\n{}") << notJson(1, 1);
    {
        const std::string file = oneScene("") + "x";
        QTest::addRow("text after the lesson") << file << notJson(1, file.size());
    }

    // Valid JSON, not a lesson.
    QTest::addRow("a JSON array") << std::string("[1, 2]") << notALesson();
    QTest::addRow("a number") << std::string("42") << notALesson();
    QTest::addRow("a string") << std::string(R"("logitlab-lesson")") << notALesson();
    QTest::addRow("null") << std::string("null") << notALesson();
    QTest::addRow("missing format") << std::string(R"({"version": "1.0", "scenes": [)" + scene + "]}") << notALesson();
    QTest::addRow("wrong format") << std::string(R"({"format": "logitlab-lessons", "version": "1.0", "scenes": [)"
        + scene + "]}") << notALesson();
    QTest::addRow("format in capitals") << std::string(R"({"format": "LogitLab-Lesson", "version": "1.0", "scenes": [)"
        + scene + "]}") << notALesson();
    QTest::addRow("format as a number") << std::string(R"({"format": 1, "version": "1.0"})") << notALesson();

    // The version.
    const auto withVersion = [&](const std::string &version) {
        return R"({"format": "logitlab-lesson", "version": )" + version + R"(, "scenes": [)" + scene + "]}";
    };
    QTest::addRow("missing version") << std::string(R"({"format": "logitlab-lesson", "scenes": [)" + scene + "]}")
                                     << error(K::MissingField, "version");
    QTest::addRow("version 2.0") << withVersion(R"("2.0")") << error(K::NewerVersion, "version", "2.0", "1.0");
    QTest::addRow("version 10.3") << withVersion(R"("10.3")") << error(K::NewerVersion, "version", "10.3", "1.0");
    QTest::addRow("version x") << withVersion(R"("x")") << error(K::BadVersion, "version", "x", "1.0");
    QTest::addRow("version 1 (no minor)") << withVersion(R"("1")") << error(K::BadVersion, "version", "1", "1.0");
    QTest::addRow("version 1.0.0") << withVersion(R"("1.0.0")") << error(K::BadVersion, "version", "1.0.0", "1.0");
    QTest::addRow("version 1.-0") << withVersion(R"("1.-0")") << error(K::BadVersion, "version", "1.-0", "1.0");
    QTest::addRow("version -0.5") << withVersion(R"("-0.5")") << error(K::BadVersion, "version", "-0.5", "1.0");
    QTest::addRow("version with a space") << withVersion(R"(" 1.0")") << error(K::BadVersion, "version", " 1.0", "1.0");
    QTest::addRow("version as the number 1") << withVersion("1") << wrongType("version", JsonType::String);
    QTest::addRow("version as the number 1.0") << withVersion("1.0") << wrongType("version", JsonType::String);
    QTest::addRow("version null") << withVersion("null") << wrongType("version", JsonType::String);
    // Duplicate keys (RFC 8259 leaves them to the reader): nlohmann keeps the last value.
    QTest::addRow("two versions: the last counts")
        << withVersion(R"("1.0", "version": "2.0")") << error(K::NewerVersion, "version", "2.0", "1.0");

    // The top level and the scene list.
    QTest::addRow("missing scenes") << topLevel(R"("title": "x")") << error(K::MissingField, "scenes");
    QTest::addRow("scenes an object") << topLevel(R"("scenes": {})") << wrongType("scenes", JsonType::List);
    QTest::addRow("scenes a text") << topLevel(R"("scenes": "x")") << wrongType("scenes", JsonType::List);
    QTest::addRow("empty scenes") << topLevel(R"("scenes": [])") << error(K::NoScenes, "scenes");
    QTest::addRow("501 scenes") << topLevel(R"("scenes": [)" + minimalScenes(501) + "]")
                                << error(K::TooMany, "scenes", "501", "500");
    QTest::addRow("title a number") << topLevel(R"("title": 5, "scenes": [)" + scene + "]")
                                    << wrongType("title", JsonType::String);
    QTest::addRow("language a list") << topLevel(R"("language": [], "scenes": [)" + scene + "]")
                                     << wrongType("language", JsonType::String);
    QTest::addRow("title over 1 MiB") << topLevel(
        R"("title": ")" + std::string(LessonLimits::maxTextBytes + 1, 't') + R"(", "scenes": [)" + scene + "]")
                                      << error(K::TooLong, "title", "1048577", "1048576");
    QTest::addRow("second scene a number")
        << topLevel(R"("scenes": [)" + scene + ", 7]") << wrongType("scenes[1]", JsonType::Object);
    QTest::addRow("scene a list") << topLevel(R"("scenes": [[]])") << wrongType("scenes[0]", JsonType::Object);
    QTest::addRow("scene without a title")
        << topLevel(R"("scenes": [{"page": "softmax"}])") << error(K::MissingField, "scenes[0].title");
    QTest::addRow("scene without a page")
        << topLevel(R"("scenes": [{"title": "t"}])") << error(K::MissingField, "scenes[0].page");
    QTest::addRow("an empty scene: the title is missed first")
        << topLevel(R"("scenes": [{}])") << error(K::MissingField, "scenes[0].title");

    // Names.
    const std::string pageNames = "softmax, losses, rounding, training";
    QTest::addRow("unknown page") << topLevel(R"("scenes": [{"title": "t", "page": "graphs"}])")
                                  << error(K::UnknownName, "scenes[0].page", "graphs", pageNames);
    QTest::addRow("page in capitals") << topLevel(R"("scenes": [{"title": "t", "page": "Softmax"}])")
                                      << error(K::UnknownName, "scenes[0].page", "Softmax", pageNames);
    QTest::addRow("unknown page in the second scene")
        << topLevel(R"("scenes": [)" + scene + R"(, {"title": "t", "page": "plots"}])")
        << error(K::UnknownName, "scenes[1].page", "plots", pageNames);
    QTest::addRow("a 1000-byte unknown name is quoted to 100 bytes")
        << topLevel(R"("scenes": [{"title": "t", "page": ")" + std::string(1000, 'p') + R"("}])")
        << error(K::UnknownName, "scenes[0].page", std::string(100, 'p'), pageNames);
    QTest::addRow("unknown format float33") << inLab("softmax",
        R"("format": "float33")") << error(K::UnknownName, "scenes[0].softmax.format", "float33", formatNames);
    QTest::addRow("format by its CLI alias fp64") << inLab(
        "losses", R"("format": "fp64")") << error(K::UnknownName, "scenes[0].losses.format", "fp64", formatNames);
    QTest::addRow("training in float80") << inLab("training", R"("a": {"format": "float80"})")
                                         << error(K::UnknownName, "scenes[0].training.a.format", "float80",
                                                "float16, bfloat16, float32, float64");
    QTest::addRow("twin B in float80") << inLab("training", R"("b": {"format": "float80"})")
                                       << error(K::UnknownName, "scenes[0].training.b.format", "float80",
                                              "float16, bfloat16, float32, float64");
    QTest::addRow("unknown loss scaling")
        << inLab("training", R"("a": {"mixed": {"loss_scale": {"kind": "auto"}}})")
        << error(K::UnknownName, "scenes[0].training.a.mixed.loss_scale.kind", "auto", "none, static, dynamic");
    QTest::addRow("backoff factor 1") << inLab("training", R"("b": {"mixed": {"loss_scale": {"backoff_factor": 1}}})")
                                      << outOfRange("scenes[0].training.b.mixed.loss_scale.backoff_factor", "1",
                                             "0.0009765625 to 1, 1 excluded");
    QTest::addRow("unknown update rounding")
        << inLab("training", R"("a": {"mixed": {"update_rounding": "up"}})")
        << error(K::UnknownName, "scenes[0].training.a.mixed.update_rounding", "up", "nearest, stochastic");
    QTest::addRow("second of the rounding formats unknown")
        << inLab("rounding", R"("formats": ["float32", "double"])")
        << error(K::UnknownName, "scenes[0].rounding.formats[1]", "double", formatNames);
    QTest::addRow("unknown optimiser") << inLab("training", R"("a": {"optimizer": {"kind": "rmsprop"}})")
                                       << error(K::UnknownName, "scenes[0].training.a.optimizer.kind", "rmsprop",
                                              "sgd, momentum, adam");
    QTest::addRow("head with an underscore")
        << inLab("training", R"("a": {"head": "softmax_clipped"})")
        << error(K::UnknownName, "scenes[0].training.a.head", "softmax_clipped",
               "softmax, softmax-clipped, logits, sigmoid, sigmoid-clipped, sigmoid-logits");
    QTest::addRow("unknown activation") << inLab("training", R"("a": {"activation": "gelu"})")
                                        << error(K::UnknownName, "scenes[0].training.a.activation", "gelu",
                                               "relu, leaky-relu, sigmoid, tanh, linear");
    QTest::addRow("unknown data source") << inLab("training", R"("data": {"source": "cifar"})")
                                         << error(K::UnknownName, "scenes[0].training.data.source", "cifar",
                                                "mnist, idx, synthetic");
    QTest::addRow("unknown hidden part") << oneScene(R"("question": "?", "hide": ["plots", "answers"])")
                                         << error(K::UnknownName, "scenes[0].hide[1]", "answers", "results, plots");
    QTest::addRow("unknown softmax method") << inLab("softmax", R"("matrix_method": "stable")")
                                            << error(K::UnknownName, "scenes[0].softmax.matrix_method", "stable",
                                                   "naive, shifted, log_softmax, higham, online");

    // Types.
    QTest::addRow("string for a bool") << inLab("softmax", R"("matrix_mode": "true")")
                                       << wrongType("scenes[0].softmax.matrix_mode", JsonType::Boolean);
    QTest::addRow("number for a bool") << inLab("training", R"("a": {"shuffle": 1})")
                                       << wrongType("scenes[0].training.a.shuffle", JsonType::Boolean);
    QTest::addRow("number for a string") << topLevel(R"("scenes": [{"title": 5, "page": "softmax"}])")
                                         << wrongType("scenes[0].title", JsonType::String);
    QTest::addRow("null for a string") << oneScene(R"("note": null)") << wrongType("scenes[0].note", JsonType::String);
    QTest::addRow("number for a name") << inLab("rounding", R"("format": 32)")
                                       << wrongType("scenes[0].rounding.format", JsonType::String);
    QTest::addRow("float for a whole number: dim 0.5")
        << inLab("softmax", R"("dim": 0.5)") << wrongType("scenes[0].softmax.dim", JsonType::WholeNumber);
    QTest::addRow("string for a whole number")
        << inLab("losses", R"("label": "3")") << wrongType("scenes[0].losses.label", JsonType::WholeNumber);
    QTest::addRow("bool for a whole number") << oneScene(R"("training": {"trained_steps": true})")
                                             << wrongType("scenes[0].training.trained_steps", JsonType::WholeNumber);
    QTest::addRow("string for a number") << inLab("training", R"("a": {"optimizer": {"learning_rate": "0.1"}})")
                                         << wrongType("scenes[0].training.a.optimizer.learning_rate", JsonType::Number);
    QTest::addRow("bool for a number") << inLab("training", R"("data": {"noise": true})")
                                       << wrongType("scenes[0].training.data.noise", JsonType::Number);
    QTest::addRow("object for a list") << inLab("training", R"("a": {"hidden": {"0": 25}})")
                                       << wrongType("scenes[0].training.a.hidden", JsonType::List);
    QTest::addRow("text for a list") << oneScene(R"("hide": "plots")") << wrongType("scenes[0].hide", JsonType::List);
    QTest::addRow("one expression, not a list")
        << inLab("rounding", R"("expressions": "1/3")") << wrongType("scenes[0].rounding.expressions", JsonType::List);
    QTest::addRow("list for an object") << oneScene(R"("softmax": [])")
                                        << wrongType("scenes[0].softmax", JsonType::Object);
    QTest::addRow("number for an object")
        << inLab("training", R"("a": 5)") << wrongType("scenes[0].training.a", JsonType::Object);
    QTest::addRow("text for the optimiser") << inLab("training", R"("b": {"optimizer": "sgd"})")
                                            << wrongType("scenes[0].training.b.optimizer", JsonType::Object);
    QTest::addRow("number in the expressions") << inLab("rounding", R"("expressions": ["1/3", 1])")
                                               << wrongType("scenes[0].rounding.expressions[1]", JsonType::String);
    QTest::addRow("1.5 in the hidden widths") << inLab("training", R"("a": {"hidden": [25, 1.5]})")
                                              << wrongType("scenes[0].training.a.hidden[1]", JsonType::WholeNumber);
    QTest::addRow("null in the hidden parts")
        << oneScene(R"("hide": [null])") << wrongType("scenes[0].hide[0]", JsonType::String);
    QTest::addRow("the first problem counts: title before page")
        << topLevel(R"("scenes": [{"page": "graphs", "title": 5}])") << wrongType("scenes[0].title", JsonType::String);

    // Ranges (the limits are the form's: SoftmaxLab, LossLab, TrainingLimits, LessonLimits).
    QTest::addRow("dim 2") << inLab("softmax", R"("dim": 2)") << outOfRange("scenes[0].softmax.dim", "2", "0 to 1");
    QTest::addRow("dim -1") << inLab("softmax", R"("dim": -1)") << outOfRange("scenes[0].softmax.dim", "-1", "0 to 1");
    QTest::addRow("slice -1") << inLab("softmax", R"("slice": -1)")
                              << outOfRange("scenes[0].softmax.slice", "-1", "0 to 1000000");
    QTest::addRow("scale_step 301") << inLab("softmax", R"("scale_step": 301)")
                                    << outOfRange("scenes[0].softmax.scale_step", "301", "-300 to 300");
    QTest::addRow("label -1") << inLab("losses", R"("label": -1)")
                              << outOfRange("scenes[0].losses.label", "-1", "0 to 100000");
    QTest::addRow("BCE with 1 point") << inLab("losses", R"("bce": {"points": 1})")
                                      << outOfRange("scenes[0].losses.bce.points", "1", "2 to 100000");
    QTest::addRow("cancellation with 10001 points")
        << inLab("rounding", R"("cancellation_points": 10001)")
        << outOfRange("scenes[0].rounding.cancellation_points", "10001", "2 to 10000");
    QTest::addRow("batch_size 0") << inLab("training", R"("a": {"batch_size": 0})")
                                  << outOfRange("scenes[0].training.a.batch_size", "0", "1 to 65536");
    QTest::addRow("epochs -1") << inLab("training", R"("a": {"epochs": -1})")
                               << outOfRange("scenes[0].training.a.epochs", "-1", "0 to 100000");
    QTest::addRow("hidden width 0") << inLab("training", R"("a": {"hidden": [25, 0]})")
                                    << outOfRange("scenes[0].training.a.hidden[1]", "0", "1 to 65536");
    QTest::addRow("learning_rate 0") << inLab("training", R"("a": {"optimizer": {"learning_rate": 0}})")
                                     << outOfRange("scenes[0].training.a.optimizer.learning_rate", "0", "1e-06 to 100");
    QTest::addRow("learning_rate 1e300") << inLab("training", R"("a": {"optimizer": {"learning_rate": 1e300}})")
                                         << outOfRange("scenes[0].training.a.optimizer.learning_rate", "1e+300",
                                                "1e-06 to 100");
    QTest::addRow("learning_rate 1e-400 (read as 0)")
        << inLab("training", R"("a": {"optimizer": {"learning_rate": 1e-400}})")
        << outOfRange("scenes[0].training.a.optimizer.learning_rate", "0.0", "1e-06 to 100");
    QTest::addRow("twin B's learning_rate -0.1")
        << inLab("training", R"("b": {"optimizer": {"learning_rate": -0.1}})")
        << outOfRange("scenes[0].training.b.optimizer.learning_rate", "-0.1", "1e-06 to 100");
    QTest::addRow("lr_decay_rate 0") << inLab("training", R"("a": {"lr_decay_rate": 0})")
                                     << outOfRange("scenes[0].training.a.lr_decay_rate", "0", "0.001 to 1");
    QTest::addRow("lr_decay_every 0") << inLab("training", R"("a": {"lr_decay_every": 0})")
                                      << outOfRange("scenes[0].training.a.lr_decay_every", "0", "1 to 1000");
    QTest::addRow("momentum 1") << inLab("training", R"("a": {"optimizer": {"kind": "momentum", "momentum": 1}})")
                                << outOfRange("scenes[0].training.a.optimizer.momentum", "1", "0 to 1, 1 excluded");
    QTest::addRow("beta2 1") << inLab("training", R"("a": {"optimizer": {"kind": "adam", "beta2": 1}})")
                             << outOfRange("scenes[0].training.a.optimizer.beta2", "1", "0 to 1, 1 excluded");
    QTest::addRow("epsilon 0") << inLab("training", R"("a": {"optimizer": {"kind": "adam", "epsilon": 0}})")
                               << outOfRange("scenes[0].training.a.optimizer.epsilon", "0", "0 to 1, 0 excluded");
    QTest::addRow("l2 -1e-9") << inLab("training", R"("b": {"l2": -1e-9})")
                              << outOfRange("scenes[0].training.b.l2", "-1e-09", "0 to 10");
    QTest::addRow("init_scale 0") << inLab("training", R"("a": {"init_scale": 0})")
                                  << outOfRange("scenes[0].training.a.init_scale", "0", "0.001 to 1000");
    QTest::addRow("noise 11") << inLab("training", R"("data": {"noise": 11})")
                              << outOfRange("scenes[0].training.data.noise", "11", "0 to 10");
    QTest::addRow("digit 10") << inLab("training", R"("data": {"binary_positive": 10})")
                              << outOfRange("scenes[0].training.data.binary_positive", "10", "-1 to 9");
    QTest::addRow("seed -1") << inLab("training", R"("a": {"seed": -1})")
                             << outOfRange("scenes[0].training.a.seed", "-1", "0 to 1000000000");
    QTest::addRow("seed 1e10") << inLab("training", R"("a": {"seed": 1e10})")
                               << outOfRange("scenes[0].training.a.seed", "10000000000.0", "0 to 1000000000");
    QTest::addRow("seed 2^64 - 1") << inLab("training", R"("a": {"seed": 18446744073709551615})")
                                   << outOfRange(
                                          "scenes[0].training.a.seed", "18446744073709551615", "0 to 1000000000");
    QTest::addRow("trained_steps 1e9") << oneScene(R"("training": {"trained_steps": 1e9})")
                                       << outOfRange(
                                              "scenes[0].training.trained_steps", "1000000000.0", "0 to 1000000");
    {
        // Past the largest double (1.797e308): nlohmann refuses the number while parsing.
        const std::string file = inLab("losses", R"("bce": {"from": -1.8e308})");
        QTest::addRow("BCE from -1.8e308, where the number starts") << file << notJson(1, file.find("-1.8e308") + 1);
    }

    // Sizes.
    {
        std::string list;
        for (int i = 0; i <= 100; ++i)
            list += std::string(i ? ", " : "") + "\"1/3\"";
        QTest::addRow("101 expressions") << inLab("rounding", R"("expressions": [)" + list + "]")
                                         << error(K::TooMany, "scenes[0].rounding.expressions", "101", "100");
    }
    QTest::addRow("17 hidden layers") << inLab(
        "training", R"("a": {"hidden": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]})")
                                      << error(K::TooMany, "scenes[0].training.a.hidden", "17", "16");
    QTest::addRow("three hidden parts") << oneScene(R"("hide": ["plots", "results", "plots"])")
                                        << error(K::TooMany, "scenes[0].hide", "3", "2");
    QTest::addRow("six formats") << inLab(
        "rounding", R"("formats": ["float16", "float16", "float16", "float16", "float16", "float16"])")
                                 << error(K::TooMany, "scenes[0].rounding.formats", "6", "5");
    QTest::addRow("a note of 1 MiB + 1 byte")
        << oneScene(R"("note": ")" + std::string(LessonLimits::maxTextBytes + 1, 'n') + "\"")
        << error(K::TooLong, "scenes[0].note", "1048577", "1048576");
    {
        std::string chinese;
        for (int i = 0; i < 349526; ++i)
            chinese += "数"; // 3 bytes in UTF-8: 1,048,578 bytes, 349,526 characters
        QTest::addRow("the 1 MiB limit counts UTF-8 bytes") << oneScene(
            R"("question": ")" + chinese + "\"") << error(K::TooLong, "scenes[0].question", "1048578", "1048576");
    }
    {
        // 1e9 logits would be gigabytes of text; any LIST past 1 MiB is refused before it is read.
        std::string logits = "[";
        for (int i = 0; i < 400000; ++i)
            logits += "1e9, ";
        logits += "1]";
        QTest::addRow("a huge logits text (1e9 logits)")
            << inLab("softmax", R"("logits": ")" + logits + "\"")
            << error(K::TooLong, "scenes[0].softmax.logits", std::to_string(logits.size()), "1048576");
    }
    QTest::addRow("an expression over 1 MiB")
        << inLab("rounding", R"("expressions": [")" + std::string(LessonLimits::maxTextBytes + 1, '1') + "\"]")
        << error(K::TooLong, "scenes[0].rounding.expressions[0]", "1048577", "1048576");
    {
        std::string file = oneScene("");
        file.resize((16u << 20) + 1, ' '); // trailing white space is valid JSON: only the size is wrong
        QTest::addRow("a file of 16 MiB + 1 byte") << file << error(K::TooLarge, {}, "16777217", "16777216");
    }
    QTest::addRow("nesting depth 33 in an unknown field")
        << oneScene(R"("x": )" + std::string(30, '[') + std::string(30, ']')) << error(K::TooDeep, {}, {}, "32");
    QTest::addRow("nesting depth 100,000")
        << std::string(100000, '[') + std::string(100000, ']') << error(K::TooDeep, {}, {}, "32");
    QTest::addRow("100,000 open braces, never closed") << [] {
        std::string s;
        for (int i = 0; i < 100000; ++i)
            s += R"({"a":)";
        return s;
    }() << error(K::TooDeep, {}, {}, "32");
}

namespace {

QString kindName(LessonErrorKind k)
{
    static const char *const names[] = {"TooLarge", "TooDeep", "NotJson", "NotALesson", "NewerVersion", "BadVersion",
        "MissingField", "WrongType", "UnknownName", "OutOfRange", "TooMany", "TooLong", "NoScenes"};
    return QString::fromLatin1(names[static_cast<int>(k)]);
}

} // namespace

void TstLessonFile::badFile()
{
    QFETCH(std::string, file);
    QFETCH(LessonError, expected);
    const auto read = readLesson(file);
    const auto *e = std::get_if<LessonError>(&read);
    QVERIFY2(e, "the file was read as a lesson");
    QCOMPARE(kindName(e->kind), kindName(expected.kind));
    QCOMPARE(QString::fromStdString(e->path), QString::fromStdString(expected.path));
    if (expected.detail == "*")
        QVERIFY(!e->detail.empty());
    else
        QCOMPARE(QString::fromStdString(e->detail), QString::fromStdString(expected.detail));
    if (expected.expected != "*")
        QCOMPARE(QString::fromStdString(e->expected), QString::fromStdString(expected.expected));
    if (expected.kind == LessonErrorKind::WrongType)
        QCOMPARE(static_cast<int>(e->expectedType), static_cast<int>(expected.expectedType));
    QCOMPARE(e->line, expected.line);
    QCOMPARE(e->column, expected.column);
}

void TstLessonFile::errorText_data()
{
    badFile_data();
}

// Every error reads as one line of English naming where the problem is and what was found.
void TstLessonFile::errorText()
{
    QFETCH(std::string, file);
    const auto read = readLesson(file);
    const auto *e = std::get_if<LessonError>(&read);
    QVERIFY(e);
    const QString text = QString::fromStdString(lessonErrorText(*e));
    QVERIFY(!text.isEmpty());
    QVERIFY2(!text.contains(u'\n'), qPrintable(text));
    QVERIFY2(text.contains(QString::fromStdString(e->path)), qPrintable(text));
    if (!e->detail.empty())
        QVERIFY2(text.contains(QString::fromStdString(e->detail)), qPrintable(text));
    if (!e->expected.empty())
        QVERIFY2(text.contains(QString::fromStdString(e->expected)), qPrintable(text));
    if (e->kind == LessonErrorKind::NotJson)
        QVERIFY2(text.contains(QStringLiteral("line %1, column %2").arg(e->line).arg(e->column)), qPrintable(text));
}

// ---------------------------------------------------------------------------------------------
// Newer files, odd files, the limits

// A lesson from a newer 1.x keeps what this version does not know: unknown fields at the top, in
// a scene, in a lab object and in an optimiser are written back as they were, with version "1.5".
void TstLessonFile::newerMinorKeepsUnknownFields()
{
    const std::string file = R"({
  "format": "logitlab-lesson",
  "version": "1.5",
  "title": "Newer",
  "presenter": {"clicker": true, "laser": [1, 2.5, "red"]},
  "scenes": [
    {"title": "s", "page": "training", "timer_seconds": 90,
     "softmax": {"colour_scheme": "dark", "format": "float64"},
     "training": {"a": {"dropout": 0.5, "optimizer": {"kind": "adam", "beta1": 0.8, "amsgrad": true}},
                  "trained_steps": 7, "checkpoint": null}}
  ]
}
)";
    const auto read = readLesson(file);
    if (const auto *e = std::get_if<LessonError>(&read))
        QFAIL(lessonErrorText(*e).c_str());
    Lesson lesson = std::get<Lesson>(read);
    QCOMPARE(lesson.title, std::string("Newer"));
    QVERIFY(lesson.scenes.at(0).softmax.format == Format::Float64);
    QVERIFY((lesson.scenes[0].training.a.optimizer == Optimizer {Adam {0.001, 0.8, 0.999, 1e-7}}));
    QCOMPARE(lesson.scenes[0].trainedSteps, 7LL);

    // Edited before saving: a known field changes, and the optimiser becomes momentum (Adam's
    // beta1 goes with it; the unknown "amsgrad" stays).
    lesson.scenes[0].softmax.format = Format::Float16;
    lesson.scenes[0].training.a.optimizer = Momentum {0.02, 0.5};
    const std::string text = writeLesson(lesson);

    const QJsonObject root = QJsonDocument::fromJson(QByteArray::fromStdString(text)).object();
    QCOMPARE(root[u"version"_s].toString(), u"1.5"_s);
    QCOMPARE(root[u"presenter"_s].toObject()[u"clicker"_s].toBool(), true);
    QCOMPARE(root[u"presenter"_s].toObject()[u"laser"_s].toArray(), QJsonArray({1, 2.5, u"red"_s}));
    const QJsonObject scene = root[u"scenes"_s].toArray()[0].toObject();
    QCOMPARE(scene[u"timer_seconds"_s].toInt(), 90);
    QCOMPARE(scene[u"softmax"_s][u"colour_scheme"_s].toString(), u"dark"_s);
    QCOMPARE(scene[u"softmax"_s][u"format"_s].toString(), u"float16"_s);
    const QJsonObject training = scene[u"training"_s].toObject();
    QVERIFY(training.contains(u"checkpoint"_s) && training[u"checkpoint"_s].isNull());
    QCOMPARE(training[u"trained_steps"_s].toInt(), 7);
    QCOMPARE(training[u"a"_s][u"dropout"_s].toDouble(), 0.5);
    const QJsonObject optimizer = training[u"a"_s][u"optimizer"_s].toObject();
    QCOMPARE(sortedKeys(optimizer), sorted({"kind", "learning_rate", "momentum", "amsgrad"}));
    QCOMPARE(optimizer[u"kind"_s].toString(), u"momentum"_s);
    QCOMPARE(optimizer[u"amsgrad"_s].toBool(), true);

    // Reading the saved file gives the edited lesson, and saving it again the same bytes.
    const auto again = readLesson(text);
    QVERIFY(std::holds_alternative<Lesson>(again));
    QVERIFY(std::get<Lesson>(again) == lesson);
    QCOMPARE(writeLesson(std::get<Lesson>(again)), text);

    // A 1.0 file keeps its unknown fields too, and stays 1.0; an older 0.9 is read and saved as 1.0.
    for (const char *version : {"1.0", "0.9"}) {
        const std::string older = std::string(R"({"format": "logitlab-lesson", "version": ")") + version
            + R"(", "extra": {"x": 1}, "scenes": [{"title": "t", "page": "softmax"}]})";
        const auto r = readLesson(older);
        QVERIFY(std::holds_alternative<Lesson>(r));
        const QJsonObject o
            = QJsonDocument::fromJson(QByteArray::fromStdString(writeLesson(std::get<Lesson>(r)))).object();
        QCOMPARE(o[u"version"_s].toString(), u"1.0"_s);
        QCOMPARE(o[u"extra"_s][u"x"_s].toInt(), 1);
    }
}

// nlohmann skips a UTF-8 byte-order mark at the start (Windows Notepad writes one): the lesson
// reads as without it, the writer writes none, and a column after it counts from the first
// visible character, as an editor shows it.
void TstLessonFile::byteOrderMarkIsAccepted()
{
    const std::string bom = "\xef\xbb\xbf";
    const std::string file = oneScene(R"("note": "with a BOM")");
    const auto plain = readLesson(file);
    const auto marked = readLesson(bom + file);
    QVERIFY(std::holds_alternative<Lesson>(plain));
    QVERIFY(std::holds_alternative<Lesson>(marked));
    QVERIFY(std::get<Lesson>(marked) == std::get<Lesson>(plain));
    QCOMPARE(std::get<Lesson>(marked).scenes.at(0).note, std::string("with a BOM"));
    QVERIFY(writeLesson(std::get<Lesson>(marked)).starts_with("{"));

    const auto bad = readLesson(bom + R"({"format": x})");
    QVERIFY(std::holds_alternative<LessonError>(bad));
    QCOMPARE(std::get<LessonError>(bad).line, std::size_t(1));
    QCOMPARE(std::get<LessonError>(bad).column, std::size_t(12));
}

// RFC 8259 leaves repeated names to the reader; nlohmann keeps the last value (see also the
// "two versions" row). The saved file has the name once.
void TstLessonFile::duplicateKeysKeepTheLast()
{
    const auto read = readLesson(topLevel(R"("scenes": [{"title": "first", "page": "softmax", "title": "second"}])"));
    QVERIFY(std::holds_alternative<Lesson>(read));
    const Lesson &lesson = std::get<Lesson>(read);
    QCOMPARE(lesson.scenes.at(0).title, std::string("second"));
    const QByteArray text = QByteArray::fromStdString(writeLesson(lesson));
    QCOMPARE(text.count("\"first\""), 0);
    QCOMPARE(text.count("\"second\""), 1);
}

// The reader never makes such a text, but a caller can: the save must not throw (nlohmann's dump
// would, type_error 316). Each bad byte sequence becomes U+FFFD (EF BF BD in UTF-8).
void TstLessonFile::textThatIsNotUtf8IsWrittenAsReplacement()
{
    Scene s = sceneOn(LessonPage::Softmax, "caf\xe9"); // Latin-1 e-acute, cut off at the end
    s.note = "\xff ok";
    std::string text;
    try {
        text = writeLesson(lessonOf({s}));
    } catch (const std::exception &e) {
        QFAIL(e.what());
    }
    const auto read = readLesson(text);
    QVERIFY(std::holds_alternative<Lesson>(read));
    QCOMPARE(std::get<Lesson>(read).scenes.at(0).title, std::string("caf\xef\xbf\xbd"));
    QCOMPARE(std::get<Lesson>(read).scenes.at(0).note, std::string("\xef\xbf\xbd ok"));
}

// Each limit is a limit, not one less: depth 32, 500 scenes, 16 MiB, 1 MiB of text, and the ends
// of the ranges (whole numbers may be written 1.0 or 1e9).
void TstLessonFile::limitsThemselvesAreAccepted()
{
    const auto reads = [](const std::string &file) {
        const auto read = readLesson(file);
        if (const auto *e = std::get_if<LessonError>(&read)) {
            qWarning("%s", lessonErrorText(*e).c_str());
            return false;
        }
        const Lesson &lesson = std::get<Lesson>(read);
        const auto again = readLesson(writeLesson(lesson));
        return std::holds_alternative<Lesson>(again) && std::get<Lesson>(again) == lesson;
    };
    // root, scenes, scene, then 29 lists: 32 levels.
    QVERIFY(reads(oneScene(R"("x": )" + std::string(29, '[') + std::string(29, ']'))));
    QVERIFY(reads(oneScene(R"("note": ")" + std::string(1000, '[') + "\""))); // brackets in text do not nest
    QVERIFY(reads(topLevel(R"("scenes": [)" + minimalScenes(500) + "]")));
    std::string big = oneScene("");
    big.resize(16u << 20, '\n');
    QVERIFY(reads(big));
    std::string chinese;
    for (int i = 0; i < 349525; ++i)
        chinese += "数";
    QVERIFY(reads(oneScene(R"("note": ")" + chinese + "a\""))); // 1,048,575 + 1 bytes
    QVERIFY(reads(inLab("training",
        R"("a": {"optimizer": {"kind": "adam", "learning_rate": 1e-6, "beta1": 0, "beta2": 0.9999999999999999,
                "epsilon": 1e-300}, "seed": 0, "lr_decay_rate": 0.001, "hidden": []},
           "data": {"binary_negative": -1, "binary_positive": 9, "noise": 0})")));
    QVERIFY(reads(
        inLab("losses", R"("bce": {"from": -1.7976931348623157e308, "to": 1.7976931348623157e308}, "label": 100000)")));
    QVERIFY(reads(inLab("softmax", R"("dim": 1.0, "slice": 1e6, "scale_step": -300)")));
    QVERIFY(reads(oneScene(R"("training": {"trained_steps": 1e6})")));
}

// Timings on this machine, printed for the record (shared and loaded: not asserted).
void TstLessonFile::readerTimes()
{
    const auto timeRead = [](const std::string &file, const char *what) {
        QElapsedTimer timer;
        timer.start();
        const auto read = readLesson(file);
        const double ms = timer.nsecsElapsed() / 1e6;
        qInfo("readLesson, %s (%.1f MiB): %.3f ms, %s", what, file.size() / 1048576.0, ms,
            std::holds_alternative<Lesson>(read) ? "read" : lessonErrorText(std::get<LessonError>(read)).c_str());
        return read;
    };

    std::string tooLarge = oneScene("");
    tooLarge.resize((16u << 20) + 1, ' ');
    QVERIFY(std::holds_alternative<LessonError>(timeRead(tooLarge, "16 MiB + 1 byte, refused")));

    std::string lists = head + R"("scenes": [)";
    for (int i = 0; i < 15; ++i)
        lists += std::string(i ? ", " : "") + R"({"title": "t", "page": "softmax", "softmax": {"logits": ")"
            + longList(110000) + "\"}}";
    lists += "]}";
    QVERIFY(lists.size() < (16u << 20));
    QVERIFY(std::holds_alternative<Lesson>(timeRead(lists, "15 LISTs of 110,000 logits")));

    std::vector<Scene> scenes;
    for (std::size_t i = 0; i < LessonLimits::maxScenes; ++i) {
        Scene s = sceneOn(pages[i % pages.size()], "scene " + std::to_string(i));
        s.note = "A note for the teacher about scene " + std::to_string(i) + ".";
        s.question = "What happens next?";
        s.hidden = {HiddenPart::Results};
        s.softmax.logits = longList(100);
        s.trainedSteps = static_cast<long long>(i);
        scenes.push_back(s);
    }
    const Lesson lesson = lessonOf(scenes);
    QElapsedTimer timer;
    timer.start();
    const std::string written = writeLesson(lesson);
    qInfo("writeLesson, 500 scenes (%.1f MiB): %.1f ms", written.size() / 1048576.0, timer.nsecsElapsed() / 1e6);
    const auto read = timeRead(written, "500 scenes");
    QVERIFY(std::holds_alternative<Lesson>(read) && std::get<Lesson>(read) == lesson);
}

QTEST_APPLESS_MAIN(TstLessonFile)
#include "tst_lessonfile.moc"
