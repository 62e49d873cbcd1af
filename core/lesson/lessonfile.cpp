// SPDX-License-Identifier: GPL-3.0-or-later
#include "lesson/lessonfile.h"

#include "lesson/lessonfields.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <span>

namespace logitlab {
namespace {

using Json = nlohmann::ordered_json;

/** Thrown by the reader at the first problem; caught in readLesson. */
struct Failure {
    LessonError error;
};

[[noreturn]] void fail(LessonErrorKind kind, std::string path, std::string detail = {}, std::string expected = {})
{
    LessonError e;
    e.kind = kind;
    e.path = std::move(path);
    e.detail = std::move(detail);
    e.expected = std::move(expected);
    throw Failure {e};
}

Optimizer defaultOptimizer(OptimizerKind kind)
{
    switch (kind) {
    case OptimizerKind::Sgd: return Sgd {};
    case OptimizerKind::Momentum: return Momentum {};
    case OptimizerKind::Adam: return Adam {};
    }
    return Sgd {};
}

[[noreturn]] void wrongType(const std::string &path, JsonType type)
{
    LessonError e;
    e.kind = LessonErrorKind::WrongType;
    e.path = path;
    e.expectedType = type;
    throw Failure {e};
}

/** A number as the file gave it, short ("1e+300", "2.5", "-3"). */
std::string numberText(const Json &j)
{
    return j.dump();
}

std::string rangeText(long double lo, long double hi, Ends ends = Ends::Closed)
{
    const auto text = [](long double x) {
        Json j = static_cast<double>(x);
        if (x == std::floor(x) && std::fabs(x) < 1e18)
            j = static_cast<long long>(x);
        return j.dump();
    };
    const std::string range = text(lo) + " to " + text(hi);
    return ends == Ends::LowOpen ? range + ", " + text(lo) + " excluded"
        : ends == Ends::HighOpen ? range + ", " + text(hi) + " excluded"
                                 : range;
}

/** \brief Reads one JSON object's fields into values; the first problem throws a Failure. */
class FieldReader {
public:
    FieldReader(const Json &object, std::string path) : m_j(object), m_path(std::move(path)) { }

    void text(const char *key, std::string &v)
    {
        if (const Json *j = find(key))
            v = textOf(*j, at(key));
    }

    void boolean(const char *key, bool &v)
    {
        if (const Json *j = find(key)) {
            if (!j->is_boolean())
                wrongType(at(key), JsonType::Boolean);
            v = j->get<bool>();
        }
    }

    template <class I> void whole(const char *key, I &v, long double lo, long double hi)
    {
        if (const Json *j = find(key))
            v = static_cast<I>(wholeOf(*j, at(key), lo, hi));
    }

    void real(const char *key, double &v, double lo, double hi, Ends ends = Ends::Closed)
    {
        if (const Json *j = find(key)) {
            if (!j->is_number())
                wrongType(at(key), JsonType::Number);
            const double x = j->get<double>();
            if (!(x >= lo && x <= hi) || (ends == Ends::LowOpen && x == lo) || (ends == Ends::HighOpen && x == hi))
                fail(LessonErrorKind::OutOfRange, at(key), numberText(*j), rangeText(lo, hi, ends));
            v = x;
        }
    }

    template <class E> void named(const char *key, E &v, const NameList<E> &names)
    {
        if (const Json *j = find(key))
            v = nameOf(*j, at(key), names);
    }

    void textList(const char *key, std::vector<std::string> &v, std::size_t max)
    {
        if (const Json *j = find(key)) {
            const std::string path = at(key);
            listOf(*j, path, max);
            v.clear();
            for (std::size_t i = 0; i < j->size(); ++i)
                v.push_back(textOf((*j)[i], path + "[" + std::to_string(i) + "]"));
        }
    }

    template <class E> void namedList(const char *key, std::vector<E> &v, const NameList<E> &names, std::size_t max)
    {
        if (const Json *j = find(key)) {
            const std::string path = at(key);
            listOf(*j, path, max);
            v.clear();
            for (std::size_t i = 0; i < j->size(); ++i)
                v.push_back(nameOf((*j)[i], path + "[" + std::to_string(i) + "]", names));
        }
    }

    void wholeList(const char *key, std::vector<int> &v, long double lo, long double hi, std::size_t max)
    {
        if (const Json *j = find(key)) {
            const std::string path = at(key);
            listOf(*j, path, max);
            v.clear();
            for (std::size_t i = 0; i < j->size(); ++i)
                v.push_back(static_cast<int>(wholeOf((*j)[i], path + "[" + std::to_string(i) + "]", lo, hi)));
        }
    }

    /** A nested object: \a fields(FieldReader &) reads it. */
    template <class F> void object(const char *key, F &&fields)
    {
        if (const Json *j = find(key)) {
            if (!j->is_object())
                wrongType(at(key), JsonType::Object);
            FieldReader inner(*j, at(key));
            fields(inner);
        }
    }

    void optimizer(const char *key, Optimizer &v)
    {
        object(key, [&](FieldReader &o) {
            OptimizerKind kind = optimizerKind(v);
            o.named("kind", kind, optimizerNameList);
            if (kind != optimizerKind(v))
                v = defaultOptimizer(kind); // that kind's defaults, then the fields given
            std::visit([&](auto &opt) { optimizerFields(o, opt); }, v);
        });
    }

    void require(const char *key) const
    {
        if (!m_j.contains(key))
            fail(LessonErrorKind::MissingField, at(key));
    }

private:
    const Json *find(const char *key) const
    {
        const auto it = m_j.find(key);
        return it == m_j.end() ? nullptr : &*it;
    }

    std::string at(const char *key) const { return m_path.empty() ? std::string(key) : m_path + "." + key; }

    static std::string textOf(const Json &j, const std::string &path)
    {
        if (!j.is_string())
            wrongType(path, JsonType::String);
        const auto &s = j.get_ref<const std::string &>();
        if (s.size() > LessonLimits::maxTextBytes)
            fail(LessonErrorKind::TooLong, path, std::to_string(s.size()), std::to_string(LessonLimits::maxTextBytes));
        return s;
    }

    static long double wholeOf(const Json &j, const std::string &path, long double lo, long double hi)
    {
        long double x = 0;
        if (j.is_number_unsigned())
            x = static_cast<long double>(j.get<std::uint64_t>());
        else if (j.is_number_integer())
            x = static_cast<long double>(j.get<std::int64_t>());
        else if (j.is_number_float() && std::floor(j.get<double>()) == j.get<double>())
            x = j.get<double>();
        else
            wrongType(path, JsonType::WholeNumber);
        if (!(x >= lo && x <= hi))
            fail(LessonErrorKind::OutOfRange, path, numberText(j), rangeText(lo, hi));
        return x;
    }

    template <class E> static E nameOf(const Json &j, const std::string &path, const NameList<E> &names)
    {
        if (!j.is_string())
            wrongType(path, JsonType::String);
        const auto &s = j.get_ref<const std::string &>();
        for (const auto &[value, name] : names.entries)
            if (name == s)
                return value;
        std::string allowed;
        for (const auto &[value, name] : names.entries)
            allowed += (allowed.empty() ? "" : ", ") + std::string(name);
        fail(LessonErrorKind::UnknownName, path, s.substr(0, 100), allowed);
    }

    static void listOf(const Json &j, const std::string &path, std::size_t max)
    {
        if (!j.is_array())
            wrongType(path, JsonType::List);
        if (j.size() > max)
            fail(LessonErrorKind::TooMany, path, std::to_string(j.size()), std::to_string(max));
    }

    const Json &m_j;
    std::string m_path;
};

/** \brief Writes values into a JSON object, keeping the fields already there that it does not write. */
class FieldWriter {
public:
    explicit FieldWriter(Json &object) : m_j(object) { }

    void text(const char *key, const std::string &v) { m_j[key] = v; }
    void boolean(const char *key, bool v) { m_j[key] = v; }
    template <class I> void whole(const char *key, I v, long double, long double) { m_j[key] = v; }
    void real(const char *key, double v, double, double, Ends = Ends::Closed) { m_j[key] = v; }
    template <class E> void named(const char *key, E v, const NameList<E> &names)
    {
        m_j[key] = std::string(names.name(v));
    }
    void textList(const char *key, const std::vector<std::string> &v, std::size_t) { m_j[key] = v; }
    template <class E> void namedList(const char *key, const std::vector<E> &v, const NameList<E> &names, std::size_t)
    {
        Json list = Json::array();
        for (E e : v)
            list.push_back(std::string(names.name(e)));
        m_j[key] = list;
    }
    void wholeList(const char *key, const std::vector<int> &v, long double, long double, std::size_t) { m_j[key] = v; }
    template <class F> void object(const char *key, F &&fields)
    {
        Json &j = m_j[key];
        if (!j.is_object())
            j = Json::object();
        FieldWriter inner(j);
        fields(inner);
    }
    void optimizer(const char *key, Optimizer &v)
    {
        object(key, [&](FieldWriter &o) {
            for (const char *stale : {"momentum", "beta1", "beta2", "epsilon"})
                o.m_j.erase(stale); // another kind's parameters, from the file as read
            o.named("kind", optimizerKind(v), optimizerNameList);
            std::visit([&](auto &opt) { optimizerFields(o, opt); }, v);
        });
    }
    void require(const char *) const { }

private:
    Json &m_j;
};

/** \brief Follows JSON text byte by byte and tells which bytes belong to a string literal. */
struct StringTracker {
    bool inString = false, escaped = false;

    /** True if \a c is part of a string literal, its quotes included. */
    bool inside(char c)
    {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            return true;
        }
        inString = c == '"';
        return inString;
    }
};

/** Nesting of objects and lists in \a bytes, outside strings; stops counting past \a limit. */
int nestingDepth(std::string_view bytes, int limit)
{
    int depth = 0, deepest = 0;
    StringTracker strings;
    for (const char c : bytes) {
        if (strings.inside(c))
            continue;
        if (c == '{' || c == '[') {
            deepest = std::max(deepest, ++depth);
            if (deepest > limit)
                return deepest;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return deepest;
}

/** "MAJOR.MINOR" (digits only) as two numbers; nullopt if it is not that. */
std::optional<std::pair<int, int>> parseVersion(const std::string &s)
{
    const std::size_t dot = s.find('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 == s.size() || s.size() > 12)
        return std::nullopt;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (i != dot && (s[i] < '0' || s[i] > '9'))
            return std::nullopt; // from_chars would take a sign: "1.-0", "-0.5"
    int major = 0, minor = 0;
    const char *end = s.data() + s.size();
    const auto a = std::from_chars(s.data(), s.data() + dot, major);
    const auto b = std::from_chars(s.data() + dot + 1, end, minor);
    if (a.ec != std::errc() || a.ptr != s.data() + dot || b.ec != std::errc() || b.ptr != end || major < 0 || minor < 0)
        return std::nullopt;
    return std::pair {major, minor};
}

std::string ourVersion()
{
    return std::to_string(LessonLimits::major) + "." + std::to_string(LessonLimits::minor);
}

Lesson readLessonJson(const Json &root)
{
    if (!root.is_object() || !root.contains("format") || root["format"] != LessonLimits::formatTag)
        fail(LessonErrorKind::NotALesson, {}, {}, LessonLimits::formatTag);
    FieldReader top(root, {});
    top.require("version");
    std::string version;
    top.text("version", version);
    const auto v = parseVersion(version);
    if (!v)
        fail(LessonErrorKind::BadVersion, "version", version.substr(0, 100), ourVersion());
    if (v->first > LessonLimits::major)
        fail(LessonErrorKind::NewerVersion, "version", version, ourVersion());
    Lesson lesson;
    lessonFields(top, lesson);
    top.require("scenes");
    const Json &scenes = root["scenes"];
    if (!scenes.is_array())
        wrongType("scenes", JsonType::List);
    if (scenes.empty())
        fail(LessonErrorKind::NoScenes, "scenes");
    if (scenes.size() > LessonLimits::maxScenes)
        fail(
            LessonErrorKind::TooMany, "scenes", std::to_string(scenes.size()), std::to_string(LessonLimits::maxScenes));
    for (std::size_t i = 0; i < scenes.size(); ++i) {
        const std::string path = "scenes[" + std::to_string(i) + "]";
        if (!scenes[i].is_object())
            wrongType(path, JsonType::Object);
        FieldReader reader(scenes[i], path);
        reader.require("title");
        reader.require("page");
        Scene scene;
        sceneFields(reader, scene);
        scene.sourceJson = scenes[i].dump();
        lesson.scenes.push_back(std::move(scene));
    }
    Json rest = root;
    rest.erase("scenes");
    lesson.sourceJson = rest.dump();
    return lesson;
}

std::pair<std::size_t, std::size_t> lineAndColumn(std::string_view bytes, std::size_t offset)
{
    offset = std::min(offset, bytes.size());
    std::size_t line = 1, column = 1;
    // A UTF-8 byte-order mark (nlohmann skips it) is invisible in an editor: columns start after it.
    const std::size_t start = bytes.starts_with("\xEF\xBB\xBF") && offset >= 3 ? 3 : 0;
    for (std::size_t i = start; i < offset; ++i) {
        if (bytes[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80) {
            ++column; // count characters, not UTF-8 continuation bytes
        }
    }
    return {line, column};
}

/**
 * Where the number \a token starts in \a bytes: outside strings, not inside a longer number
 * (nlohmann's "number overflow" names the token but not its place); bytes.size() if absent.
 */
std::size_t numberOffset(std::string_view bytes, std::string_view token)
{
    const auto inNumber
        = [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-'; };
    StringTracker strings;
    for (std::size_t i = 0; i < bytes.size() && !token.empty(); ++i) {
        if (strings.inside(bytes[i]))
            continue;
        if (bytes.substr(i).starts_with(token) && (i == 0 || !inNumber(bytes[i - 1]))
            && (i + token.size() == bytes.size() || !inNumber(bytes[i + token.size()]))) {
            return i;
        }
    }
    return bytes.size();
}

LessonError notJson(std::string_view bytes, std::size_t offset, std::string detail)
{
    LessonError error;
    error.kind = LessonErrorKind::NotJson;
    const auto [line, column] = lineAndColumn(bytes, offset);
    error.line = line;
    error.column = column;
    error.detail = std::move(detail);
    return error;
}

} // namespace

std::variant<Lesson, LessonError> readLesson(std::string_view bytes)
{
    try {
        if (bytes.size() > LessonLimits::maxFileBytes)
            fail(LessonErrorKind::TooLarge, {}, std::to_string(bytes.size()),
                std::to_string(LessonLimits::maxFileBytes));
        if (nestingDepth(bytes, LessonLimits::maxDepth) > LessonLimits::maxDepth)
            fail(LessonErrorKind::TooDeep, {}, {}, std::to_string(LessonLimits::maxDepth));
        Json root;
        try {
            root = Json::parse(bytes.begin(), bytes.end());
        } catch (const Json::parse_error &e) {
            const std::string what = e.what();
            const std::size_t colon = what.find(": ");
            return notJson(
                bytes, e.byte > 0 ? e.byte - 1 : 0, colon == std::string::npos ? what : what.substr(colon + 2));
        } catch (const Json::out_of_range &e) {
            // A number beyond double's range ("1e400"): "[json.exception.out_of_range.406] number
            // overflow parsing '1e400'", thrown while parsing, without a position.
            const std::string what = e.what();
            const std::size_t bracket = what.find("] "), open = what.find('\''), close = what.rfind('\'');
            const std::string token = open < close ? what.substr(open + 1, close - open - 1) : std::string();
            return notJson(
                bytes, numberOffset(bytes, token), bracket == std::string::npos ? what : what.substr(bracket + 2));
        }
        return readLessonJson(root);
    } catch (const Failure &f) {
        return f.error;
    } catch (const Json::exception &e) {
        LessonError error; // a type the checks above missed: still a message, never a crash
        error.kind = LessonErrorKind::NotALesson;
        error.detail = e.what();
        return error;
    }
}

std::string writeLesson(const Lesson &lesson)
{
    Json root = Json::object();
    root["format"] = LessonLimits::formatTag;
    std::string version = ourVersion();
    if (!lesson.sourceJson.empty()) {
        Json source = Json::parse(lesson.sourceJson, nullptr, false);
        if (source.is_object()) {
            const auto v = source.contains("version") && source["version"].is_string()
                ? parseVersion(source["version"].get<std::string>())
                : std::nullopt;
            if (v && v->first == LessonLimits::major && v->second > LessonLimits::minor)
                version = source["version"].get<std::string>(); // its newer fields are kept below
            root.update(source);
        }
    }
    root["format"] = LessonLimits::formatTag;
    root["version"] = version;
    FieldWriter top(root);
    Lesson copy = lesson;
    lessonFields(top, copy);
    Json scenes = Json::array();
    for (Scene &scene : copy.scenes) {
        Json j = scene.sourceJson.empty() ? Json::object() : Json::parse(scene.sourceJson, nullptr, false);
        if (!j.is_object())
            j = Json::object();
        FieldWriter writer(j);
        sceneFields(writer, scene);
        scenes.push_back(std::move(j));
    }
    root["scenes"] = std::move(scenes);
    // A text that is not UTF-8 (only a caller can make one: the reader checks) is written with
    // U+FFFD in place of the bad bytes; nlohmann would otherwise throw from the save.
    return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string_view lessonPageName(LessonPage p)
{
    return lessonPageNames.name(p);
}

std::string lessonErrorText(const LessonError &e)
{
    const std::string where = e.path.empty() ? std::string() : e.path + ": ";
    switch (e.kind) {
    case LessonErrorKind::TooLarge: return "the file has " + e.detail + " bytes; a lesson may have " + e.expected;
    case LessonErrorKind::TooDeep: return "objects and lists are nested deeper than " + e.expected + " levels";
    case LessonErrorKind::NotJson:
        return "not valid JSON at line " + std::to_string(e.line) + ", column " + std::to_string(e.column) + ": "
            + e.detail;
    case LessonErrorKind::NotALesson: return "not a LogitLab lesson (no \"format\": \"" + e.expected + "\")";
    case LessonErrorKind::NewerVersion:
        return "made by a newer LogitLab (lesson format " + e.detail + "; this version reads " + e.expected + ")";
    case LessonErrorKind::BadVersion: return where + "\"" + e.detail + "\" is not a version such as " + e.expected;
    case LessonErrorKind::MissingField: return e.path + " is missing";
    case LessonErrorKind::WrongType: {
        static constexpr const char *types[]
            = {"a text", "a number", "a whole number", "true or false", "an object", "a list"};
        return where + "should be " + types[static_cast<int>(e.expectedType)];
    }
    case LessonErrorKind::UnknownName: return where + "unknown name \"" + e.detail + "\" (expected " + e.expected + ")";
    case LessonErrorKind::OutOfRange: return where + e.detail + " is out of range (" + e.expected + ")";
    case LessonErrorKind::TooMany: return where + e.detail + " entries; at most " + e.expected;
    case LessonErrorKind::TooLong: return where + "a text of " + e.detail + " bytes; at most " + e.expected;
    case LessonErrorKind::NoScenes: return "the lesson has no scenes";
    }
    return "unknown problem";
}

} // namespace logitlab
