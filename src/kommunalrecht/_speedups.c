/*
 * kommunalrecht._speedups — small helpers of the OParl JSON fast paths, in C.
 *
 * The pure-Python equivalents live in kommunalrecht/oparl/_msgfast.py (used when this
 * module is not built); the tests run both and require identical results.
 *
 * Builder(cls, names)(*values)
 *     A new instance of the slotted class `cls` whose slots `names` (in this order) are set to
 *     `values`, without calling __init__ or __setattr__ (the caller has checked every value
 *     and the invariants). Only member descriptors of slots are accepted.
 *
 * urls_ok(urls)
 *     Whether every item of the list `urls` is an absolute http(s) URL of printable ASCII
 *     without space whose first character after "//" is not "/", "?" or "#" — the strict
 *     subset of kommunalrecht.oparl.check.is_url that the fast path accepts.
 *
 * parse_datetime(memo, text)
 *     The timezone-aware datetime of an OParl 1.1 date-time ("yyyy-mm-ddThh:mm:ss+hh:mm",
 *     exactly as kommunalrecht.oparl.check.is_datetime accepts it: 25 ASCII characters, a
 *     real day, hour < 24, minute < 60, second < 60, offset < 24 h — its minutes, like
 *     datetime.fromisoformat's, not checked on their own), memoised in the dict
 *     `memo`; ValueError otherwise. The time zone is datetime.timezone.utc for a zero
 *     offset and a datetime.timezone with that offset otherwise, as datetime.fromisoformat
 *     gives.
 *
 * JsonPlan(cls, type_uri, ops)(obj)
 *     The compact OParl JSON bytes of a model object written straight from its slots, or
 *     None (the dict encoder writes it); see the section "JsonPlan" below for its rules.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <datetime.h>
#include <structmember.h>
#include <stdint.h>
#include <string.h>

/* ---------------------------------------------------------------------------------- */
/* Builder */

typedef struct {
    PyObject_HEAD
    PyTypeObject *cls;
    Py_ssize_t n;
    Py_ssize_t *offsets;
    vectorcallfunc vectorcall;
} BuilderObject;

static void
Builder_dealloc(BuilderObject *self)
{
    Py_XDECREF(self->cls);
    PyMem_Free(self->offsets);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Builder_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    BuilderObject *self = (BuilderObject *)callable;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
        PyErr_SetString(PyExc_TypeError, "Builder takes positional arguments only");
        return NULL;
    }
    if (nargs != self->n) {
        PyErr_Format(PyExc_TypeError, "Builder for %s expected %zd values, got %zd",
                     self->cls->tp_name, self->n, nargs);
        return NULL;
    }
    PyObject *obj = self->cls->tp_alloc(self->cls, 0);
    if (obj == NULL) {
        return NULL;
    }
    char *base = (char *)obj;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyObject *v = args[i];
        Py_INCREF(v);
        PyObject **slot = (PyObject **)(base + self->offsets[i]);
        PyObject *old = *slot;
        *slot = v;
        Py_XDECREF(old);
    }
    return obj;
}

static PyObject *
Builder_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *cls, *names;
    static char *kwlist[] = {"cls", "names", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O!O!:Builder", kwlist, &PyType_Type, &cls,
                                     &PyTuple_Type, &names)) {
        return NULL;
    }
    PyTypeObject *tp = (PyTypeObject *)cls;
    if (tp->tp_alloc == NULL || tp->tp_itemsize != 0) {
        PyErr_Format(PyExc_TypeError, "Builder: %s is not a plain slotted class", tp->tp_name);
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(names);
    Py_ssize_t *offsets = PyMem_Calloc(n ? n : 1, sizeof(Py_ssize_t));
    if (offsets == NULL) {
        return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *name = PyTuple_GET_ITEM(names, i);
        if (!PyUnicode_Check(name)) {
            PyMem_Free(offsets);
            PyErr_SetString(PyExc_TypeError, "Builder: names must be strings");
            return NULL;
        }
        PyObject *descr = _PyType_Lookup(tp, name); /* borrowed */
        if (descr == NULL || Py_TYPE(descr) != &PyMemberDescr_Type) {
            PyMem_Free(offsets);
            PyErr_Format(PyExc_TypeError, "Builder: %s.%U is not a slot", tp->tp_name, name);
            return NULL;
        }
        PyMemberDef *m = ((PyMemberDescrObject *)descr)->d_member;
        if (m->type != T_OBJECT_EX || (m->flags & READONLY)) {
            PyMem_Free(offsets);
            PyErr_Format(PyExc_TypeError, "Builder: %s.%U is not a writable object slot",
                         tp->tp_name, name);
            return NULL;
        }
        offsets[i] = m->offset;
    }
    BuilderObject *self = (BuilderObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        PyMem_Free(offsets);
        return NULL;
    }
    Py_INCREF(cls);
    self->cls = tp;
    self->n = n;
    self->offsets = offsets;
    self->vectorcall = Builder_vectorcall;
    return (PyObject *)self;
}

static PyObject *
Builder_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "Builder takes positional arguments only");
        return NULL;
    }
    return Builder_vectorcall(self, &PyTuple_GET_ITEM(args, 0), PyTuple_GET_SIZE(args), NULL);
}

static PyTypeObject BuilderType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "kommunalrecht._speedups.Builder",
    .tp_basicsize = sizeof(BuilderObject),
    .tp_dealloc = (destructor)Builder_dealloc,
    .tp_call = Builder_call,
    .tp_vectorcall_offset = offsetof(BuilderObject, vectorcall),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "Builder(cls, names)(*values): a new cls instance with its slots set.",
    .tp_new = Builder_new,
};

/* ---------------------------------------------------------------------------------- */
/* parse_datetime */

static PyObject *tz_cache = NULL; /* offset minutes (int) -> datetime.timezone */

static int
two(const Py_UCS1 *s, Py_ssize_t i, int *out)
{
    if (s[i] < '0' || s[i] > '9' || s[i + 1] < '0' || s[i + 1] > '9') {
        return 0;
    }
    *out = (s[i] - '0') * 10 + (s[i + 1] - '0');
    return 1;
}

static int
days_in_month(int y, int m)
{
    static const int dim[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) {
        return 29;
    }
    return dim[m];
}

static PyObject *
bad_datetime(PyObject *text)
{
    PyErr_Format(PyExc_ValueError, "not an OParl date-time: %R", text);
    return NULL;
}

static PyObject *
parse_datetime(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyDict_CheckExact(args[0])) {
        PyErr_SetString(PyExc_TypeError, "parse_datetime(memo: dict, text: str)");
        return NULL;
    }
    PyObject *memo = args[0], *text = args[1];
    if (!PyUnicode_CheckExact(text)) {
        return bad_datetime(text);
    }
    PyObject *hit = PyDict_GetItemWithError(memo, text);
    if (hit != NULL) {
        Py_INCREF(hit);
        return hit;
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    if (PyUnicode_READY(text) < 0) {
        return NULL;
    }
    if (PyUnicode_GET_LENGTH(text) != 25 || !PyUnicode_IS_ASCII(text)) {
        return bad_datetime(text);
    }
    const Py_UCS1 *s = PyUnicode_1BYTE_DATA(text);
    if (s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' ||
        (s[19] != '+' && s[19] != '-') || s[22] != ':') {
        return bad_datetime(text);
    }
    int yh, yl, mo, d, h, mi, se, oh, om;
    if (!two(s, 0, &yh) || !two(s, 2, &yl) || !two(s, 5, &mo) || !two(s, 8, &d) ||
        !two(s, 11, &h) || !two(s, 14, &mi) || !two(s, 17, &se) || !two(s, 20, &oh) ||
        !two(s, 23, &om)) {
        return bad_datetime(text);
    }
    int y = yh * 100 + yl;
    /* as datetime.fromisoformat: the offset's minutes are not range-checked on their own
       ("+01:60" is +02:00), only the whole offset must stay below 24 hours */
    int off = oh * 60 + om;
    if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || h > 23 || mi > 59 ||
        se > 59 || off >= 24 * 60) {
        return bad_datetime(text);
    }
    if (s[19] == '-') {
        off = -off;
    }
    PyObject *tz;
    if (off == 0) {
        tz = PyDateTime_TimeZone_UTC;
        Py_INCREF(tz);
    }
    else {
        PyObject *key = PyLong_FromLong(off);
        if (key == NULL) {
            return NULL;
        }
        tz = PyDict_GetItemWithError(tz_cache, key);
        if (tz != NULL) {
            Py_INCREF(tz);
        }
        else if (PyErr_Occurred()) {
            Py_DECREF(key);
            return NULL;
        }
        else {
            PyObject *delta = PyDelta_FromDSU(0, off * 60, 0);
            if (delta == NULL) {
                Py_DECREF(key);
                return NULL;
            }
            tz = PyTimeZone_FromOffset(delta);
            Py_DECREF(delta);
            if (tz == NULL || (PyDict_GET_SIZE(tz_cache) < 4096 &&
                               PyDict_SetItem(tz_cache, key, tz) < 0)) {
                Py_XDECREF(tz);
                Py_DECREF(key);
                return NULL;
            }
        }
        Py_DECREF(key);
    }
    PyObject *result = PyDateTimeAPI->DateTime_FromDateAndTime(
        y, mo, d, h, mi, se, 0, tz, PyDateTimeAPI->DateTimeType);
    Py_DECREF(tz);
    if (result == NULL) {
        return NULL;
    }
    if (PyDict_SetItem(memo, text, result) < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

/* ---------------------------------------------------------------------------------- */
/* urls_ok */

static int
url_ok(PyObject *u)
{
    /* kommunalrecht.oparl._msgfast._URL_FAST: "http(s)://", a first character that is not
       "/", "?" or "#", then printable ASCII without space ([!-~]) to the end */
    if (!PyUnicode_Check(u) || PyUnicode_READY(u) < 0 || !PyUnicode_IS_ASCII(u)) {
        return 0;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(u);
    const Py_UCS1 *s = PyUnicode_1BYTE_DATA(u);
    Py_ssize_t i;
    if (n >= 8 && memcmp(s, "https://", 8) == 0) {
        i = 8;
    }
    else if (n >= 7 && memcmp(s, "http://", 7) == 0) {
        i = 7;
    }
    else {
        return 0;
    }
    if (i >= n || s[i] == '/' || s[i] == '?' || s[i] == '#') {
        return 0;
    }
    for (; i < n; i++) {
        if (s[i] < '!' || s[i] > '~') {
            return 0;
        }
    }
    return 1;
}

static PyObject *
urls_ok(PyObject *Py_UNUSED(module), PyObject *urls)
{
    if (!PyList_CheckExact(urls)) {
        PyErr_SetString(PyExc_TypeError, "urls_ok(urls: list[str])");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(urls); i++) {
        if (!url_ok(PyList_GET_ITEM(urls, i))) {
            Py_RETURN_FALSE;
        }
    }
    Py_RETURN_TRUE;
}

/* ---------------------------------------------------------------------------------- */
/* JsonPlan: OParl JSON bytes straight from a model object's slots
 *
 * A plan is made once per (class, parent) variant from the spec tables
 * (kommunalrecht/oparl/_msgfast.py, _FastEnc) and writes exactly the bytes of the Struct
 * path there (which are orjson's bytes of the dict encoder): the properties in the spec's
 * order, None / () / False (flags) left out, compact separators, strings escaped as orjson
 * and msgspec escape them ("\"", "\\", \b \t \n \f \r, other controls as \u00xx, nothing
 * else). Rules:
 *
 *   - plan(obj) -> bytes, or None: "decline", the dict encoder writes the object. Anything
 *     a plan is not sure about declines: a value of another type than the exact one the
 *     model stores (a subclass too), an unset slot, a lone surrogate, an int beyond 64 bits,
 *     what the Struct path raises _Slow for (the ops below), an embedded object of another
 *     class than its plan's.
 *   - A plan never changes the object; a Python callable it calls (guards, _fdt, the
 *     Verlauf/Abstimmung writers) may raise, and the exception propagates (the caller turns
 *     it into "decline", as the Struct path does).
 *   - Slot values are read through the member offsets of the plan's class (the class is
 *     checked exactly first), references are held while callables run.
 *
 * Ops (tuples (code, src, slots, key, a, b); src 0 = the object, 1 = its Beschluss, loaded
 * by OP_LOADB; key None for ops that write no property):
 *   DECLINE_TRUTHY   decline if the slot is true (deleted, extras)
 *   LOADB            register b = the slot (None or exactly the class a)
 *   TEXT_NE          str; None: left out; "": decline (the dict encoder writes a marker)
 *   STR              str (also ""); None: left out
 *   INT / BOOL       int (not bool) / bool; None: left out
 *   FLAG             True written, False left out
 *   DATE             date "yyyy-mm-dd"; None: left out
 *   DT               datetime: "yyyy-mm-ddThh:mm:ss±hh:mm" when the zone is a
 *                    datetime.timezone with whole minutes and no microseconds, else the
 *                    str of a(v) (_fdt); None: left out
 *   DT_VENDOR        v.isoformat(); None: left out
 *   ENUM             v._value_ (a str); None: left out
 *   STRS             tuple of str; () left out
 *   BACKREF          equal to the parent's id: left out; None: decline; else str
 *   BACKREFS         (parent id,): left out; empty/None: decline; else tuple of str
 *   GUARDED          as b (a kind: TEXT_NE, STR, ENUM, BOOL); None: decline if a(o, pid)
 *   PAIR_TEXT        slots (text, enum) of src: text non-empty str written, then decline if
 *                    enum is None and a(text); else enum._value_ written; both None:
 *                    decline if b is not None and b(o)
 *   PAIR_ENUM        slots (text, enum): enum._value_ written when both are set
 *   EMBED            plan a for the value (parent id = this object's id); None: left out
 *   EMBED_MANY       tuple, each with plan a; () left out (b true: written, "mandatory")
 *   ORDER_AGENDA     int; None: decline
 *   PYLIST           a(x) for each x of a non-empty tuple, as JSON values; empty: left out
 *   PYVAL            a(v) as a JSON value; None: left out
 *   PYOBJ            a(o) as a JSON value; None: left out (slots unused)
 *   BMARK            true if b is set and its slots (the op's) are all None
 *   GEOJSON          decline unless None (nothing written)
 * JSON values (PYLIST/PYVAL/PYOBJ): None, bool, int, str, dict with str keys, list, tuple.
 *
 * The XML form (JsonPlan(..., xml=True); plan(obj, urls, head, tail)) writes the same
 * properties as elements, as kommunalrecht/oparl/_xmlwrite.py writes them for the same
 * object: ops are 7-tuples whose last item is (start tag, end tag, XK_*) for an op with a
 * key; lists are repeated elements, embedded objects elements with their properties, vendor
 * properties ext:property in the generic encoding (ext:string …). The Python side makes XML
 * plans only for classes whose properties come in the order the XML writer uses (spec
 * order, vendor properties last). Text is escaped as escape_text does ("&", "<", ">", CR);
 * a character XML 1.0 cannot hold declines (the writer's \uXXXX form), as do a date-time
 * offset beyond ±14:00 or with seconds, vendor dates and lists, and an empty mandatory list.
 * Every URL written is appended to `urls`: the caller checks them at once with the XML
 * writer's check and falls back to it when one does not pass.
 */

enum {
    OP_DECLINE_TRUTHY = 1, OP_LOADB, OP_TEXT_NE, OP_STR, OP_INT, OP_BOOL, OP_FLAG, OP_DATE,
    OP_DT, OP_DT_VENDOR, OP_ENUM, OP_STRS, OP_BACKREF, OP_BACKREFS, OP_GUARDED, OP_PAIR_TEXT,
    OP_PAIR_ENUM, OP_EMBED, OP_EMBED_MANY, OP_ORDER_AGENDA, OP_PYLIST, OP_PYVAL, OP_PYOBJ,
    OP_BMARK, OP_GEOJSON, OP_LAST
};

static const char *const op_names[] = {
    NULL, "DECLINE_TRUTHY", "LOADB", "TEXT_NE", "STR", "INT", "BOOL", "FLAG", "DATE", "DT",
    "DT_VENDOR", "ENUM", "STRS", "BACKREF", "BACKREFS", "GUARDED", "PAIR_TEXT", "PAIR_ENUM",
    "EMBED", "EMBED_MANY", "ORDER_AGENDA", "PYLIST", "PYVAL", "PYOBJ", "BMARK", "GEOJSON",
};

#define MAX_SLOTS 4

typedef struct {
    int code;
    int src;
    int nslots;
    Py_ssize_t off[MAX_SLOTS];
    PyObject *key;   /* JSON: bytes ,"key": (or NULL); XML: the start tag */
    PyObject *close; /* XML: the end tag */
    int xkind;       /* XML: how values are written (XK_*) */
    PyObject *a;
    PyObject *b;
    long kind; /* GUARDED: the op code of the value; EMBED_MANY: mandatory */
} Op;

/* XML: a property's values are text (escaped), URLs (also collected for the caller's
   check), plain (numbers, booleans, dates: nothing to escape), or vendor values in the
   generic encoding (ext:string …) */
enum { XK_TEXT = 0, XK_URL, XK_PLAIN, XK_EXT, XK_LAST };

typedef struct {
    PyObject_HEAD
    PyTypeObject *cls;
    PyTypeObject *bcls;
    PyObject *head; /* bytes: ,"type":"…" (XML: <type>…</type>) */
    int xml;        /* writes the XML form */
    Py_ssize_t n;
    Op *ops;
} PlanObject;

static PyTypeObject PlanType;

typedef struct {
    char *p;
    Py_ssize_t len;
    Py_ssize_t cap;
    int xml;         /* XML form */
    PyObject *urls;  /* XML: list the URLs written are appended to */
} Buf;

#define DECLINE 1

static int
buf_reserve(Buf *b, Py_ssize_t more)
{
    if (b->len + more <= b->cap) {
        return 0;
    }
    Py_ssize_t cap = b->cap * 2;
    while (cap < b->len + more) {
        cap *= 2;
    }
    char *p = PyMem_Realloc(b->p, cap);
    if (p == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    b->p = p;
    b->cap = cap;
    return 0;
}

static inline int
buf_put(Buf *b, const char *s, Py_ssize_t n)
{
    if (buf_reserve(b, n) < 0) {
        return -1;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    return 0;
}

static inline int
buf_bytes(Buf *b, PyObject *bytes)
{
    return buf_put(b, PyBytes_AS_STRING(bytes), PyBytes_GET_SIZE(bytes));
}

static const char hexdigits[] = "0123456789abcdef";

/* the escape of an ASCII character, or 0 if it is written as is; 'u' for \u00xx */
static const char ascii_escape[128] = {
    'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'b', 't', 'n', 'u', 'f', 'r', 'u', 'u',
    'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u',
    0, 0, '"', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '\\', 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* worst case per code point: 6 bytes (\u00xx) for ASCII controls, 4 for the rest */
static inline Py_ssize_t
put_escape(char *out, unsigned c)
{
    char e = ascii_escape[c];
    out[0] = '\\';
    if (e != 'u') {
        out[1] = e;
        return 2;
    }
    out[1] = 'u';
    out[2] = '0';
    out[3] = '0';
    out[4] = hexdigits[c >> 4];
    out[5] = hexdigits[c & 15];
    return 6;
}

/* whether any of the 8 bytes in x is < 0x20, >= 0x80 or one of the two bytes c1, c2, c3
   (may say so when none is, never the other way round) */
static inline int
chunk_special(uint64_t x, unsigned c1, unsigned c2, unsigned c3)
{
    const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
    uint64_t a = x ^ (ones * c1), l = x ^ (ones * c2), g = x ^ (ones * c3);
    return (((x - ones * 0x20) | (a - ones) | (l - ones) | (g - ones)) & ~x & high) != 0 ||
           (x & high) != 0;
}

/* the UTF-8 of a code point >= 0x80 at out; NULL for a surrogate (no UTF-8 for it) */
static inline char *
put_utf8(char *out, Py_UCS4 c)
{
    if (c < 0x800) {
        *out++ = (char)(0xC0 | (c >> 6));
        *out++ = (char)(0x80 | (c & 0x3F));
    }
    else if (c < 0x10000) {
        if (c >= 0xD800 && c <= 0xDFFF) {
            return NULL;
        }
        *out++ = (char)(0xE0 | (c >> 12));
        *out++ = (char)(0x80 | ((c >> 6) & 0x3F));
        *out++ = (char)(0x80 | (c & 0x3F));
    }
    else {
        *out++ = (char)(0xF0 | (c >> 18));
        *out++ = (char)(0x80 | ((c >> 12) & 0x3F));
        *out++ = (char)(0x80 | ((c >> 6) & 0x3F));
        *out++ = (char)(0x80 | (c & 0x3F));
    }
    return out;
}

/* an ASCII character escaped for XML character data at out (NULL: XML 1.0 cannot hold it);
   "&", "<", ">" and CR as escape_text writes them */
static inline char *
put_xml_ascii(char *out, unsigned c)
{
    const char *ref = c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;"
                    : c == '\r' ? "&#13;" : NULL;
    if (ref != NULL) {
        size_t k = strlen(ref);
        memcpy(out, ref, k);
        return out + k;
    }
    if (c < 0x20 && c != '\t' && c != '\n') {
        return NULL;
    }
    *out++ = (char)c;
    return out;
}

/* the text of s, escaped as JSON string content (xml 0: as orjson and msgspec escape) or as
   XML character data (xml 1: as kommunalrecht.oparl._xmlmap.escape_text does for a string
   XML 1.0 can hold); DECLINE for a lone surrogate, and in XML for a character XML 1.0
   cannot hold (the writer's \uXXXX form with ext:escaped is left to Python) */
static int
write_text(Buf *b, PyObject *s, int xml)
{
    if (PyUnicode_READY(s) < 0) {
        return -1;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    /* worst case per code point: 6 bytes (JSON \u00xx), 5 (XML &amp;), 4 (UTF-8) */
    if (buf_reserve(b, n * 6) < 0) {
        return -1;
    }
    char *out = b->p + b->len;
    unsigned c1 = xml ? '&' : '"', c2 = xml ? '<' : '\\', c3 = xml ? '>' : '"';
    Py_ssize_t i = 0;
    while (i < n) {
        if (kind == PyUnicode_1BYTE_KIND) {
            const Py_UCS1 *d = data;
            while (i + 8 <= n) {
                uint64_t x;
                memcpy(&x, d + i, 8);
                if (chunk_special(x, c1, c2, c3)) {
                    break;
                }
                memcpy(out, &x, 8);
                out += 8;
                i += 8;
            }
        }
        Py_ssize_t stop = kind == PyUnicode_1BYTE_KIND && i + 8 < n ? i + 8 : n;
        for (; i < stop; i++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, i);
            if (c < 0x80) {
                if (xml) {
                    out = put_xml_ascii(out, c);
                }
                else if (ascii_escape[c]) {
                    out += put_escape(out, c);
                }
                else {
                    *out++ = (char)c;
                }
            }
            else {
                out = xml && c >= 0xFFFE && c <= 0xFFFF ? NULL : put_utf8(out, c);
            }
            if (out == NULL) {
                return DECLINE;
            }
        }
    }
    b->len = out - b->p;
    return 0;
}

/* a JSON string; DECLINE for a lone surrogate */
static int
write_str(Buf *b, PyObject *s)
{
    int r;
    if ((r = buf_put(b, "\"", 1)) != 0 || (r = write_text(b, s, 0)) != 0) {
        return r;
    }
    return buf_put(b, "\"", 1);
}

static int
write_int(Buf *b, PyObject *v)
{
    int overflow = 0;
    long long x = PyLong_AsLongLongAndOverflow(v, &overflow);
    if (overflow) {
        return DECLINE;
    }
    if (x == -1 && PyErr_Occurred()) {
        return -1;
    }
    char tmp[32];
    int k = snprintf(tmp, sizeof tmp, "%lld", x);
    return buf_put(b, tmp, k);
}

static const char digit_pairs[201] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

/* two decimal digits of 0 <= v < 100 */
static inline void
put2(char *o, unsigned v)
{
    memcpy(o, digit_pairs + 2 * v, 2);
}

/* yyyy-mm-dd of the date v at o (10 bytes) */
static void
put_ymd(char *o, PyObject *v)
{
    int y = PyDateTime_GET_YEAR(v);
    put2(o, y / 100);
    put2(o + 2, y % 100);
    o[4] = '-';
    put2(o + 5, PyDateTime_GET_MONTH(v));
    o[7] = '-';
    put2(o + 8, PyDateTime_GET_DAY(v));
}

static int
write_date(Buf *b, PyObject *v)
{
    char o[12];
    o[0] = '"';
    put_ymd(o + 1, v);
    o[11] = '"';
    return buf_put(b, o, 12);
}

/* zones seen: their offset in minutes, or a flag that it has seconds */
#define TZ_SEEN 8
static PyObject *tz_seen[TZ_SEEN]; /* strong references */
static int tz_minutes[TZ_SEEN];
static int tz_whole[TZ_SEEN];
static int tz_count = 0;

/* 1 and the offset in minutes if tz is a datetime.timezone with a whole-minute offset */
static int
tz_offset(PyObject *tz, int *minutes)
{
    for (int i = 0; i < tz_count; i++) {
        if (tz_seen[i] == tz) {
            *minutes = tz_minutes[i];
            return tz_whole[i];
        }
    }
    if (Py_TYPE(tz) != Py_TYPE(PyDateTime_TimeZone_UTC)) {
        return 0;
    }
    PyObject *off = PyObject_CallMethod(tz, "utcoffset", "O", Py_None);
    if (off == NULL) {
        PyErr_Clear();
        return 0;
    }
    int whole = 0, m = 0;
    if (PyDelta_Check(off)) {
        long total = (long)PyDateTime_DELTA_GET_DAYS(off) * 86400L +
                     PyDateTime_DELTA_GET_SECONDS(off);
        whole = PyDateTime_DELTA_GET_MICROSECONDS(off) == 0 && total % 60 == 0;
        m = (int)(total / 60);
    }
    Py_DECREF(off);
    if (tz_count < TZ_SEEN) {
        Py_INCREF(tz);
        tz_seen[tz_count] = tz;
        tz_minutes[tz_count] = m;
        tz_whole[tz_count] = whole;
        tz_count++;
    }
    *minutes = m;
    return whole;
}

static int
write_datetime(Buf *b, PyObject *v, PyObject *fallback)
{
    PyObject *tz = PyDateTime_DATE_GET_TZINFO(v);
    int m;
    if (tz != Py_None && PyDateTime_DATE_GET_MICROSECOND(v) == 0 && tz_offset(tz, &m)) {
        char o[27];
        o[0] = '"';
        put_ymd(o + 1, v);
        o[11] = 'T';
        put2(o + 12, PyDateTime_DATE_GET_HOUR(v));
        o[14] = ':';
        put2(o + 15, PyDateTime_DATE_GET_MINUTE(v));
        o[17] = ':';
        put2(o + 18, PyDateTime_DATE_GET_SECOND(v));
        o[20] = m < 0 ? '-' : '+';
        if (m < 0) {
            m = -m;
        }
        put2(o + 21, m / 60);
        o[23] = ':';
        put2(o + 24, m % 60);
        o[26] = '"';
        return buf_put(b, o, 27);
    }
    PyObject *s = PyObject_CallOneArg(fallback, v);
    if (s == NULL) {
        return -1;
    }
    int r = PyUnicode_CheckExact(s) ? write_str(b, s) : DECLINE;
    Py_DECREF(s);
    return r;
}

/* a JSON value returned by a Python writer */
static int
write_value(Buf *b, PyObject *v, int depth)
{
    if (depth > 16) {
        return DECLINE;
    }
    if (v == Py_None) {
        return buf_put(b, "null", 4);
    }
    if (v == Py_True) {
        return buf_put(b, "true", 4);
    }
    if (v == Py_False) {
        return buf_put(b, "false", 5);
    }
    if (PyUnicode_CheckExact(v)) {
        return write_str(b, v);
    }
    if (PyLong_CheckExact(v)) {
        return write_int(b, v);
    }
    if (PyList_CheckExact(v) || PyTuple_CheckExact(v)) {
        PyObject *seq = v;
        Py_INCREF(seq);
        int r = buf_put(b, "[", 1);
        for (Py_ssize_t i = 0; r == 0 && i < PySequence_Fast_GET_SIZE(seq); i++) {
            if (i && (r = buf_put(b, ",", 1)) != 0) {
                break;
            }
            r = write_value(b, PySequence_Fast_GET_ITEM(seq, i), depth + 1);
        }
        Py_DECREF(seq);
        return r ? r : buf_put(b, "]", 1);
    }
    if (PyDict_CheckExact(v)) {
        Py_INCREF(v);
        int r = buf_put(b, "{", 1);
        Py_ssize_t pos = 0, i = 0;
        PyObject *k, *x;
        while (r == 0 && PyDict_Next(v, &pos, &k, &x)) {
            if (!PyUnicode_CheckExact(k)) {
                r = DECLINE;
                break;
            }
            if (i++ && (r = buf_put(b, ",", 1)) != 0) {
                break;
            }
            Py_INCREF(x);
            r = write_str(b, k);
            if (r == 0) {
                r = buf_put(b, ":", 1);
            }
            if (r == 0) {
                r = write_value(b, x, depth + 1);
            }
            Py_DECREF(x);
        }
        Py_DECREF(v);
        return r ? r : buf_put(b, "}", 1);
    }
    return DECLINE;
}

static int
write_strs(Buf *b, PyObject *t)
{
    Py_ssize_t n = PyTuple_GET_SIZE(t);
    if (buf_put(b, "[", 1) < 0) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *s = PyTuple_GET_ITEM(t, i);
        if (!PyUnicode_CheckExact(s)) {
            return DECLINE;
        }
        int r;
        if ((i && (r = buf_put(b, ",", 1)) != 0) || (r = write_str(b, s)) != 0) {
            return r;
        }
    }
    return buf_put(b, "]", 1);
}

/* _value_ of an enum member, if a str (borrowed from nothing: a new reference) */
static PyObject *str_value_ = NULL; /* interned "_value_" */

static PyObject *
enum_value(PyObject *v)
{
    PyObject *x = PyObject_GetAttr(v, str_value_);
    if (x == NULL) {
        PyErr_Clear();
        return NULL;
    }
    if (!PyUnicode_CheckExact(x)) {
        Py_DECREF(x);
        return NULL;
    }
    return x;
}

/* ---- XML */

#define PUTS(b, s) buf_put((b), (s), (Py_ssize_t)(sizeof(s) - 1))

/* the generic encoding of a JSON value (kommunalrecht.oparl._xmlwrite.emit_json) */
static int
write_xvalue(Buf *b, PyObject *v, int depth)
{
    int r;
    if (depth > 16) {
        return DECLINE;
    }
    if (v == Py_None) {
        return PUTS(b, "<ext:null/>");
    }
    if (v == Py_True) {
        return PUTS(b, "<ext:boolean>true</ext:boolean>");
    }
    if (v == Py_False) {
        return PUTS(b, "<ext:boolean>false</ext:boolean>");
    }
    if (PyUnicode_CheckExact(v)) {
        if ((r = PUTS(b, "<ext:string>")) != 0 || (r = write_text(b, v, 1)) != 0) {
            return r;
        }
        return PUTS(b, "</ext:string>");
    }
    if (PyLong_CheckExact(v)) {
        if ((r = PUTS(b, "<ext:integer>")) != 0 || (r = write_int(b, v)) != 0) {
            return r;
        }
        return PUTS(b, "</ext:integer>");
    }
    if (PyList_CheckExact(v) || PyTuple_CheckExact(v)) {
        Py_ssize_t n = PySequence_Fast_GET_SIZE(v);
        if (n == 0) {
            return PUTS(b, "<ext:array/>");
        }
        Py_INCREF(v);
        r = PUTS(b, "<ext:array>");
        for (Py_ssize_t i = 0; r == 0 && i < PySequence_Fast_GET_SIZE(v); i++) {
            r = write_xvalue(b, PySequence_Fast_GET_ITEM(v, i), depth + 1);
        }
        Py_DECREF(v);
        return r ? r : PUTS(b, "</ext:array>");
    }
    if (PyDict_CheckExact(v)) {
        if (PyDict_GET_SIZE(v) == 0) {
            return PUTS(b, "<ext:object/>");
        }
        Py_INCREF(v);
        r = PUTS(b, "<ext:object>");
        Py_ssize_t pos = 0;
        PyObject *k, *x;
        while (r == 0 && PyDict_Next(v, &pos, &k, &x)) {
            /* member names written as they are: printable ASCII without markup */
            if (!PyUnicode_CheckExact(k) || PyUnicode_READY(k) < 0 || !PyUnicode_IS_ASCII(k)) {
                r = DECLINE;
                break;
            }
            const Py_UCS1 *d = PyUnicode_1BYTE_DATA(k);
            Py_ssize_t n = PyUnicode_GET_LENGTH(k);
            for (Py_ssize_t i = 0; i < n && r == 0; i++) {
                if (d[i] < 0x20 || d[i] == 0x7f || d[i] == '"' || d[i] == '&' || d[i] == '<' ||
                    d[i] == '>') {
                    r = DECLINE;
                }
            }
            if (r != 0 || (r = PUTS(b, "<ext:member name=\"")) != 0 ||
                (r = buf_put(b, (const char *)d, n)) != 0 || (r = PUTS(b, "\">")) != 0) {
                break;
            }
            Py_INCREF(x);
            r = write_xvalue(b, x, depth + 1);
            Py_DECREF(x);
            if (r == 0) {
                r = PUTS(b, "</ext:member>");
            }
        }
        Py_DECREF(v);
        return r ? r : PUTS(b, "</ext:object>");
    }
    return DECLINE;
}

/* ---- both forms */

/* value kinds of put_scalar */
enum { V_STR, V_INT, V_BOOL, V_DATE, V_DT, V_ENUM };

/* the property `op` with the scalar v (of value kind vk; checked here) */
static int
put_scalar(Buf *b, Op *op, PyObject *v, int vk, PyObject *fallback)
{
    int r;
    PyObject *tmp = NULL;
    switch (vk) {
    case V_ENUM:
        if ((tmp = enum_value(v)) == NULL) {
            return PyErr_Occurred() ? -1 : DECLINE;
        }
        v = tmp;
        /* fall through */
    default:
        if (!(vk == V_STR || vk == V_ENUM ? PyUnicode_CheckExact(v)
              : vk == V_INT  ? PyLong_CheckExact(v)
              : vk == V_BOOL ? (v == Py_True || v == Py_False)
              : vk == V_DATE ? PyDate_CheckExact(v)
                             : PyDateTime_CheckExact(v))) {
            return DECLINE; /* exactly the class the model stores, or the Python writers */
        }
    }
    if (!b->xml) {
        if ((r = buf_bytes(b, op->key)) == 0) {
            switch (vk) {
            case V_STR:
            case V_ENUM:
                r = write_str(b, v);
                break;
            case V_INT:
                r = write_int(b, v);
                break;
            case V_BOOL:
                r = v == Py_True ? PUTS(b, "true") : PUTS(b, "false");
                break;
            case V_DATE:
                r = write_date(b, v);
                break;
            default:
                r = write_datetime(b, v, fallback);
            }
        }
        Py_XDECREF(tmp);
        return r;
    }
    /* XML */
    int ext = op->xkind == XK_EXT;
    if ((r = buf_bytes(b, op->key)) != 0) {
        goto done;
    }
    switch (vk) {
    case V_STR:
    case V_ENUM:
        if (ext) {
            r = PUTS(b, "<ext:string>");
        }
        if (r == 0) {
            r = write_text(b, v, 1);
        }
        if (r == 0 && ext) {
            r = PUTS(b, "</ext:string>");
        }
        if (r == 0 && op->xkind == XK_URL) {
            r = PyList_Append(b->urls, v);
        }
        break;
    case V_INT:
        r = ext ? PUTS(b, "<ext:integer>") : 0;
        if (r == 0) {
            r = write_int(b, v);
        }
        if (r == 0 && ext) {
            r = PUTS(b, "</ext:integer>");
        }
        break;
    case V_BOOL:
        if (ext) {
            r = v == Py_True ? PUTS(b, "<ext:boolean>true</ext:boolean>")
                             : PUTS(b, "<ext:boolean>false</ext:boolean>");
        }
        else {
            r = v == Py_True ? PUTS(b, "true") : PUTS(b, "false");
        }
        break;
    case V_DATE:
    case V_DT: {
        if (ext) {
            r = DECLINE; /* vendor dates: the Python writer */
            break;
        }
        /* the JSON writer writes a quoted text: write it, then drop the quotes */
        Py_ssize_t at = b->len;
        if (vk == V_DATE) {
            r = write_date(b, v);
        }
        else {
            PyObject *tz = PyDateTime_DATE_GET_TZINFO(v);
            int m;
            /* xs:dateTime in the OParl profile: offset within ±14:00, whole minutes; the
               fraction is left out, as the Python writer does */
            if (tz == Py_None || !tz_offset(tz, &m) || m > 14 * 60 || m < -14 * 60) {
                r = DECLINE;
                break;
            }
            r = write_datetime(b, v, fallback);
        }
        if (r == 0) {
            memmove(b->p + at, b->p + at + 1, b->len - at - 2);
            b->len -= 2;
        }
        break;
    }
    }
    if (r == 0) {
        r = buf_bytes(b, op->close);
    }
done:
    Py_XDECREF(tmp);
    return r;
}

/* a tuple of str */
static int
put_strs(Buf *b, Op *op, PyObject *t)
{
    if (!b->xml) {
        int r = buf_bytes(b, op->key);
        return r ? r : write_strs(b, t);
    }
    if (op->xkind == XK_EXT) {
        return DECLINE; /* vendor lists: the Python writer */
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(t); i++) {
        int r = put_scalar(b, op, PyTuple_GET_ITEM(t, i), V_STR, NULL);
        if (r != 0) {
            return r;
        }
    }
    return 0;
}

/* a JSON value returned by a Python writer (a vendor property) */
static int
put_pyvalue(Buf *b, Op *op, PyObject *x)
{
    int r = buf_bytes(b, op->key);
    if (r != 0) {
        return r;
    }
    if (!b->xml) {
        return write_value(b, x, 0);
    }
    if (op->xkind != XK_EXT) {
        return DECLINE;
    }
    return (r = write_xvalue(b, x, 0)) ? r : buf_bytes(b, op->close);
}

static inline PyObject *
slot(PyObject *o, Py_ssize_t off)
{
    return *(PyObject **)((char *)o + off);
}

static int plan_write(PlanObject *p, PyObject *o, PyObject *pid, Buf *b);

/* the value kind of a GUARDED op's kind */
static int
guarded_vk(long code)
{
    switch (code) {
    case OP_INT:
        return V_INT;
    case OP_BOOL:
        return V_BOOL;
    case OP_ENUM:
        return V_ENUM;
    case OP_DATE:
        return V_DATE;
    default:
        return V_STR;
    }
}

static int
truthy_call(PyObject *fn, PyObject *const *args, size_t n)
{
    PyObject *res = PyObject_Vectorcall(fn, args, n, NULL);
    if (res == NULL) {
        return -1;
    }
    int t = PyObject_IsTrue(res);
    Py_DECREF(res);
    return t;
}

/* an embedded object with its plan (parent id: o's id) */
static int
put_object(Buf *b, PlanObject *p, PlanObject *sub, PyObject *o, PyObject *x, int first)
{
    int r = 0;
    if (Py_TYPE(x) != sub->cls) {
        return DECLINE;
    }
    if (!b->xml && !first && (r = PUTS(b, ",")) != 0) {
        return r;
    }
    PyObject *id = slot(o, p->ops[0].off[0]);
    Py_INCREF(x);
    r = plan_write(sub, x, id, b);
    Py_DECREF(x);
    return r;
}

static int
run_op(PlanObject *p, Op *op, PyObject *o, PyObject *bo, PyObject *pid, PyObject **breg,
       Buf *b)
{
    PyObject *src = op->src ? bo : o;
    PyObject *v = NULL;
    int r;
    if (op->nslots >= 1) {
        if (src == NULL) {
            v = Py_None; /* no Beschluss: every beschluss.* value is None */
        }
        else if ((v = slot(src, op->off[0])) == NULL) {
            return DECLINE; /* unset slot */
        }
    }
    switch (op->code) {
    case OP_DECLINE_TRUTHY:
        if (v == Py_False || v == Py_None) {
            return 0;
        }
        r = PyObject_IsTrue(v);
        return r < 0 ? -1 : r ? DECLINE : 0;
    case OP_LOADB:
        if (v == Py_None) {
            *breg = NULL;
            return 0;
        }
        if ((PyObject *)Py_TYPE(v) != op->a) {
            return DECLINE;
        }
        *breg = v;
        return 0;
    case OP_TEXT_NE:
        if (v == Py_None) {
            return 0;
        }
        if (PyUnicode_CheckExact(v) && PyUnicode_GET_LENGTH(v) == 0) {
            return DECLINE; /* "": the dict encoder writes a marker */
        }
        return put_scalar(b, op, v, V_STR, NULL);
    case OP_STR:
        return v == Py_None ? 0 : put_scalar(b, op, v, V_STR, NULL);
    case OP_INT:
        return v == Py_None ? 0 : put_scalar(b, op, v, V_INT, NULL);
    case OP_BOOL:
        return v == Py_None ? 0 : put_scalar(b, op, v, V_BOOL, NULL);
    case OP_ENUM:
        return v == Py_None ? 0 : put_scalar(b, op, v, V_ENUM, NULL);
    case OP_DATE:
        return v == Py_None ? 0 : put_scalar(b, op, v, V_DATE, NULL);
    case OP_FLAG:
        if (v == Py_False) {
            return 0;
        }
        return v == Py_True ? put_scalar(b, op, v, V_BOOL, NULL) : DECLINE;
    case OP_DT:
        return v == Py_None ? 0 : put_scalar(b, op, v, V_DT, op->a);
    case OP_DT_VENDOR: {
        if (v == Py_None) {
            return 0;
        }
        if (!PyDateTime_CheckExact(v)) {
            return DECLINE;
        }
        PyObject *s = PyObject_CallMethod(v, "isoformat", NULL);
        if (s == NULL) {
            return -1;
        }
        r = put_scalar(b, op, s, V_STR, NULL);
        Py_DECREF(s);
        return r;
    }
    case OP_STRS:
        if (!PyTuple_CheckExact(v)) {
            return DECLINE;
        }
        return PyTuple_GET_SIZE(v) == 0 ? 0 : put_strs(b, op, v);
    case OP_BACKREF:
        r = PyObject_RichCompareBool(v, pid, Py_EQ);
        if (r != 0) {
            return r < 0 ? -1 : 0;
        }
        return v == Py_None ? DECLINE : put_scalar(b, op, v, V_STR, NULL);
    case OP_BACKREFS:
        if (!PyTuple_CheckExact(v) || PyTuple_GET_SIZE(v) == 0) {
            return DECLINE;
        }
        if (PyTuple_GET_SIZE(v) == 1) {
            r = PyObject_RichCompareBool(PyTuple_GET_ITEM(v, 0), pid, Py_EQ);
            if (r != 0) {
                return r < 0 ? -1 : 0;
            }
        }
        return put_strs(b, op, v);
    case OP_GUARDED:
        if (v == Py_None) {
            PyObject *args[2] = {o, pid};
            r = truthy_call(op->a, args, 2);
            return r < 0 ? -1 : r ? DECLINE : 0;
        }
        if (op->kind == OP_TEXT_NE && PyUnicode_CheckExact(v) && PyUnicode_GET_LENGTH(v) == 0) {
            return DECLINE;
        }
        return put_scalar(b, op, v, guarded_vk(op->kind), NULL);
    case OP_PAIR_TEXT:
    case OP_PAIR_ENUM: {
        PyObject *pr = src == NULL ? Py_None : slot(src, op->off[1]);
        if (pr == NULL) {
            return DECLINE;
        }
        if (op->code == OP_PAIR_ENUM) {
            if (v == Py_None || pr == Py_None) {
                return 0;
            }
            return put_scalar(b, op, pr, V_ENUM, NULL);
        }
        if (v != Py_None) {
            if (!PyUnicode_CheckExact(v) || PyUnicode_GET_LENGTH(v) == 0) {
                return DECLINE;
            }
            if ((r = put_scalar(b, op, v, V_STR, NULL)) != 0) {
                return r;
            }
            if (pr == Py_None) {
                r = truthy_call(op->a, &v, 1);
                return r < 0 ? -1 : r ? DECLINE : 0;
            }
            return 0;
        }
        if (pr != Py_None) {
            return put_scalar(b, op, pr, V_ENUM, NULL);
        }
        if (op->b != Py_None) {
            r = truthy_call(op->b, &o, 1);
            return r < 0 ? -1 : r ? DECLINE : 0;
        }
        return 0;
    }
    case OP_EMBED:
        if (v == Py_None) {
            return 0;
        }
        if ((r = buf_bytes(b, op->key)) != 0 ||
            (r = put_object(b, p, (PlanObject *)op->a, o, v, 1)) != 0) {
            return r;
        }
        return b->xml ? buf_bytes(b, op->close) : 0;
    case OP_EMBED_MANY: {
        if (!PyTuple_CheckExact(v)) {
            return DECLINE;
        }
        Py_ssize_t n = PyTuple_GET_SIZE(v);
        if (n == 0) {
            /* a mandatory list is written empty ([]; XML: the Python writer) */
            return !op->kind ? 0 : b->xml ? DECLINE : (r = buf_bytes(b, op->key)) ? r
                                                                                   : PUTS(b, "[]");
        }
        PlanObject *sub = (PlanObject *)op->a;
        Py_INCREF(v);
        r = b->xml ? 0 : buf_bytes(b, op->key);
        if (r == 0 && !b->xml) {
            r = PUTS(b, "[");
        }
        for (Py_ssize_t i = 0; i < n && r == 0; i++) {
            if (b->xml && (r = buf_bytes(b, op->key)) != 0) {
                break;
            }
            r = put_object(b, p, sub, o, PyTuple_GET_ITEM(v, i), i == 0);
            if (r == 0 && b->xml) {
                r = buf_bytes(b, op->close);
            }
        }
        Py_DECREF(v);
        if (r == 0 && !b->xml) {
            r = PUTS(b, "]");
        }
        return r;
    }
    case OP_ORDER_AGENDA:
        return v == Py_None ? DECLINE : put_scalar(b, op, v, V_INT, NULL);
    case OP_PYLIST: {
        if (!PyTuple_CheckExact(v)) {
            return DECLINE;
        }
        Py_ssize_t n = PyTuple_GET_SIZE(v);
        if (n == 0) {
            return 0;
        }
        PyObject *list = PyList_New(n);
        if (list == NULL) {
            return -1;
        }
        Py_INCREF(v);
        r = 0;
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *x = PyObject_CallOneArg(op->a, PyTuple_GET_ITEM(v, i));
            if (x == NULL) {
                r = -1;
                break;
            }
            PyList_SET_ITEM(list, i, x);
        }
        Py_DECREF(v);
        if (r == 0) {
            r = put_pyvalue(b, op, list);
        }
        Py_DECREF(list);
        return r;
    }
    case OP_PYVAL:
    case OP_PYOBJ: {
        if (op->code == OP_PYVAL && v == Py_None) {
            return 0;
        }
        PyObject *x = PyObject_CallOneArg(op->a, op->code == OP_PYVAL ? v : o);
        if (x == NULL) {
            return -1;
        }
        r = x == Py_None ? 0 : put_pyvalue(b, op, x);
        Py_DECREF(x);
        return r;
    }
    case OP_BMARK:
        if (bo == NULL) {
            return 0;
        }
        for (int i = 0; i < op->nslots; i++) {
            PyObject *x = slot(bo, op->off[i]);
            if (x == NULL) {
                return DECLINE;
            }
            if (x != Py_None) {
                return 0;
            }
        }
        return put_scalar(b, op, Py_True, V_BOOL, NULL);
    case OP_GEOJSON:
        return v == Py_None ? 0 : DECLINE;
    default:
        PyErr_Format(PyExc_SystemError, "JsonPlan: unknown op %d", op->code);
        return -1;
    }
}

static int
plan_write(PlanObject *p, PyObject *o, PyObject *pid, Buf *b)
{
    if (Py_TYPE(o) != p->cls || p->n == 0 || p->xml != b->xml) {
        return DECLINE;
    }
    if (Py_EnterRecursiveCall(" in JsonPlan")) {
        return -1;
    }
    /* ops[0] is the id: a str (JSON: None written as null) */
    PyObject *id = slot(o, p->ops[0].off[0]);
    int r;
    if (id == NULL) {
        r = DECLINE;
        goto done;
    }
    if (b->xml) {
        r = id == Py_None ? DECLINE : put_scalar(b, &p->ops[0], id, V_STR, NULL);
    }
    else if ((r = PUTS(b, "{\"id\":")) == 0) {
        if (id == Py_None) {
            r = PUTS(b, "null");
        }
        else if (PyUnicode_CheckExact(id)) {
            r = write_str(b, id);
        }
        else {
            r = DECLINE;
        }
    }
    if (r != 0 || (r = buf_bytes(b, p->head)) != 0) {
        goto done;
    }
    PyObject *breg = NULL; /* held while in use: a guard could replace o's slot */
    for (Py_ssize_t i = 1; i < p->n; i++) {
        Op *op = &p->ops[i];
        if (op->code == OP_LOADB) {
            PyObject *prev = breg;
            r = run_op(p, op, o, breg, pid, &breg, b);
            if (breg != prev) {
                Py_XINCREF(breg);
                Py_XDECREF(prev);
            }
        }
        else {
            r = run_op(p, op, o, breg, pid, &breg, b);
        }
        if (r != 0) {
            break;
        }
    }
    Py_XDECREF(breg);
    if (r == 0 && !b->xml) {
        r = PUTS(b, "}");
    }
done:
    Py_LeaveRecursiveCall();
    return r;
}

/* JSON: plan(obj); XML: plan(obj, urls, head, tail) (head and tail: bytes around it) */
static PyObject *
Plan_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    PlanObject *p = (PlanObject *)self;
    PyObject *o, *urls = NULL, *head = NULL, *tail = NULL;
    if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "JsonPlan takes positional arguments only");
        return NULL;
    }
    if (p->xml) {
        if (!PyArg_ParseTuple(args, "OO!O!O!:JsonPlan", &o, &PyList_Type, &urls, &PyBytes_Type,
                              &head, &PyBytes_Type, &tail)) {
            return NULL;
        }
    }
    else if (!PyArg_ParseTuple(args, "O:JsonPlan", &o)) {
        return NULL;
    }
    Buf b = {PyMem_Malloc(16384), 0, 16384, p->xml, urls};
    if (b.p == NULL) {
        return PyErr_NoMemory();
    }
    Py_INCREF(o);
    int r = head != NULL ? buf_bytes(&b, head) : 0;
    if (r == 0) {
        r = plan_write(p, o, Py_None, &b);
    }
    if (r == 0 && tail != NULL) {
        r = buf_bytes(&b, tail);
    }
    Py_DECREF(o);
    PyObject *out;
    if (r < 0) {
        out = NULL;
    }
    else if (r == DECLINE) {
        out = Py_None;
        Py_INCREF(out);
    }
    else {
        out = PyBytes_FromStringAndSize(b.p, b.len);
    }
    PyMem_Free(b.p);
    return out;
}

static int
Plan_traverse(PlanObject *self, visitproc visit, void *arg)
{
    for (Py_ssize_t i = 0; i < self->n; i++) {
        Py_VISIT(self->ops[i].a);
        Py_VISIT(self->ops[i].b);
    }
    Py_VISIT(self->cls);
    return 0;
}

static int
Plan_clear(PlanObject *self)
{
    for (Py_ssize_t i = 0; i < self->n; i++) {
        Py_CLEAR(self->ops[i].key);
        Py_CLEAR(self->ops[i].close);
        Py_CLEAR(self->ops[i].a);
        Py_CLEAR(self->ops[i].b);
    }
    self->n = 0; /* a cleared plan writes nothing: the call declines */
    return 0;
}

static void
Plan_dealloc(PlanObject *self)
{
    PyObject_GC_UnTrack(self);
    Plan_clear(self);
    PyMem_Free(self->ops);
    Py_CLEAR(self->cls);
    Py_CLEAR(self->head);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
slot_offset(PyTypeObject *tp, PyObject *name, Py_ssize_t *off)
{
    if (!PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "JsonPlan: slot names must be strings");
        return -1;
    }
    PyObject *descr = _PyType_Lookup(tp, name); /* borrowed */
    if (descr == NULL || Py_TYPE(descr) != &PyMemberDescr_Type) {
        PyErr_Format(PyExc_TypeError, "JsonPlan: %s.%U is not a slot", tp->tp_name, name);
        return -1;
    }
    PyMemberDef *m = ((PyMemberDescrObject *)descr)->d_member;
    if (m->type != T_OBJECT_EX && m->type != T_OBJECT) {
        PyErr_Format(PyExc_TypeError, "JsonPlan: %s.%U is not an object slot", tp->tp_name,
                     name);
        return -1;
    }
    *off = m->offset;
    return 0;
}

/* the bytes before + s + after; s must be printable ASCII without '"' and '\\' (keys and
   type URIs of the spec: nothing to escape) */
static PyObject *
json_piece(const char *before, PyObject *s, const char *after)
{
    if (!PyUnicode_Check(s) || PyUnicode_READY(s) < 0 || !PyUnicode_IS_ASCII(s)) {
        PyErr_Format(PyExc_ValueError, "JsonPlan: %R is not an ASCII key", s);
        return NULL;
    }
    const Py_UCS1 *d = PyUnicode_1BYTE_DATA(s);
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (d[i] < 0x20 || d[i] == '"' || d[i] == '\\' || d[i] == 0x7f) {
            PyErr_Format(PyExc_ValueError, "JsonPlan: %R needs escaping", s);
            return NULL;
        }
    }
    return PyBytes_FromFormat("%s%s%s", before, (const char *)d, after);
}

/* JsonPlan(cls, type_uri, ops); ops[0] must be (0, 0, ("id",), None, None, None) */
static PyObject *
Plan_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *cls, *uri, *ops;
    int xml = 0;
    static char *kwlist[] = {"cls", "type_uri", "ops", "xml", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O!UO!|p:JsonPlan", kwlist, &PyType_Type, &cls,
                                     &uri, &PyTuple_Type, &ops, &xml)) {
        return NULL;
    }
    PyTypeObject *tp = (PyTypeObject *)cls;
    Py_ssize_t n = PyTuple_GET_SIZE(ops);
    if (n < 1) {
        PyErr_SetString(PyExc_ValueError, "JsonPlan: ops must start with the id");
        return NULL;
    }
    PlanObject *self = (PlanObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->ops = PyMem_Calloc(n, sizeof(Op));
    if (self->ops == NULL) {
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    self->n = n; /* ops not filled yet are zeroed: NULL references */
    Py_INCREF(cls);
    self->cls = tp;
    self->xml = xml;
    self->head = xml ? json_piece("<type>", uri, "</type>") : json_piece(",\"type\":\"", uri, "\"");
    if (self->head == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    PyTypeObject *bcls = NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *t = PyTuple_GET_ITEM(ops, i);
        long code, src, kind = 0;
        PyObject *slots, *key, *a, *b;
        if (!PyTuple_Check(t) || PyTuple_GET_SIZE(t) != (xml ? 7 : 6)) {
            PyErr_Format(PyExc_TypeError, "JsonPlan: op %zd is not a %d-tuple", i, xml ? 7 : 6);
            goto fail;
        }
        code = PyLong_AsLong(PyTuple_GET_ITEM(t, 0));
        src = PyLong_AsLong(PyTuple_GET_ITEM(t, 1));
        if (PyErr_Occurred()) {
            goto fail;
        }
        slots = PyTuple_GET_ITEM(t, 2);
        key = PyTuple_GET_ITEM(t, 3);
        a = PyTuple_GET_ITEM(t, 4);
        b = PyTuple_GET_ITEM(t, 5);
        if ((i == 0) != (code == 0) || code < 0 || code >= OP_LAST || src < 0 || src > 1 ||
            (src == 1 && bcls == NULL) || !PyTuple_Check(slots) ||
            PyTuple_GET_SIZE(slots) > MAX_SLOTS) {
            PyErr_Format(PyExc_ValueError, "JsonPlan: op %zd malformed", i);
            goto fail;
        }
        Op *op = &self->ops[i];
        op->code = (int)code;
        op->src = (int)src;
        op->nslots = (int)PyTuple_GET_SIZE(slots);
        for (int k = 0; k < op->nslots; k++) {
            if (slot_offset(src ? bcls : tp, PyTuple_GET_ITEM(slots, k), &op->off[k]) < 0) {
                goto fail;
            }
        }
        if (i == 0 && op->nslots != 1) {
            PyErr_SetString(PyExc_ValueError, "JsonPlan: op 0 must name the id slot");
            goto fail;
        }
        if (key != Py_None) {
            if (!PyUnicode_Check(key)) {
                PyErr_Format(PyExc_TypeError, "JsonPlan: op %zd key must be str", i);
                goto fail;
            }
            if (xml) {
                /* (start tag, end tag, XK_*) */
                PyObject *x = PyTuple_GET_ITEM(t, 6);
                PyObject *st, *et;
                int xk;
                if (!PyTuple_Check(x) || !PyArg_ParseTuple(x, "UUi", &st, &et, &xk) || xk < 0 ||
                    xk >= XK_LAST) {
                    PyErr_Clear();
                    PyErr_Format(PyExc_ValueError,
                                 "JsonPlan: op %zd needs (start tag, end tag, kind) for XML", i);
                    goto fail;
                }
                op->key = PyUnicode_AsUTF8String(st);
                op->close = PyUnicode_AsUTF8String(et);
                op->xkind = xk;
            }
            else {
                op->key = json_piece(",\"", key, "\":");
            }
            if (op->key == NULL || (xml && op->close == NULL)) {
                goto fail;
            }
        }
        else if (code != 0 && code != OP_DECLINE_TRUTHY && code != OP_LOADB &&
                 code != OP_GEOJSON) {
            PyErr_Format(PyExc_ValueError, "JsonPlan: op %zd (%s) needs a key", i,
                         op_names[code]);
            goto fail;
        }
        if (code == OP_GUARDED || code == OP_EMBED_MANY) {
            /* b: the value kind (GUARDED) or the mandatory flag (EMBED_MANY) */
            kind = code == OP_GUARDED ? PyLong_AsLong(b) : PyObject_IsTrue(b);
            if (kind == -1 && PyErr_Occurred()) {
                goto fail;
            }
            op->kind = kind;
        }
        if (code == OP_LOADB) {
            if (!PyType_Check(a)) {
                PyErr_SetString(PyExc_TypeError, "JsonPlan: LOADB needs a class");
                goto fail;
            }
            bcls = (PyTypeObject *)a;
        }
        if ((code == OP_EMBED || code == OP_EMBED_MANY) && !PyObject_TypeCheck(a, &PlanType)) {
            PyErr_Format(PyExc_TypeError, "JsonPlan: op %zd needs a JsonPlan", i);
            goto fail;
        }
        if ((code == OP_GUARDED || code == OP_PYLIST || code == OP_PYVAL || code == OP_PYOBJ ||
             code == OP_PAIR_TEXT || code == OP_DT) && !PyCallable_Check(a)) {
            PyErr_Format(PyExc_TypeError, "JsonPlan: op %zd needs a callable", i);
            goto fail;
        }
        int needs_slot = code != OP_PYOBJ;
        if ((needs_slot && op->nslots < 1) ||
            ((code == OP_PAIR_TEXT || code == OP_PAIR_ENUM) && op->nslots != 2)) {
            PyErr_Format(PyExc_ValueError, "JsonPlan: op %zd has the wrong number of slots", i);
            goto fail;
        }
        Py_INCREF(a);
        op->a = a;
        Py_INCREF(b);
        op->b = b;
    }
    return (PyObject *)self;
fail:
    Py_DECREF(self);
    return NULL;
}

static PyObject *
Plan_get_cls(PlanObject *self, void *Py_UNUSED(closure))
{
    Py_INCREF(self->cls);
    return (PyObject *)self->cls;
}

static PyGetSetDef Plan_getset[] = {
    {"cls", (getter)Plan_get_cls, NULL, "the class this plan writes", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject PlanType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "kommunalrecht._speedups.JsonPlan",
    .tp_basicsize = sizeof(PlanObject),
    .tp_dealloc = (destructor)Plan_dealloc,
    .tp_call = Plan_call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "JsonPlan(cls, type_uri, ops)(obj): the OParl JSON bytes of obj, or None.",
    .tp_traverse = (traverseproc)Plan_traverse,
    .tp_clear = (inquiry)Plan_clear,
    .tp_getset = Plan_getset,
    .tp_new = Plan_new,
};

static PyMethodDef speedups_methods[] = {
    {"urls_ok", (PyCFunction)urls_ok, METH_O,
     "urls_ok(urls): whether every string passes the fast URL check of the JSON reader."},
    {"parse_datetime", (PyCFunction)(void (*)(void))parse_datetime, METH_FASTCALL,
     "parse_datetime(memo, text): the datetime of an OParl date-time, memoised in memo."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef speedups_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "kommunalrecht._speedups",
    .m_doc = "C helpers of the OParl JSON fast path (optional; pure-Python equivalents exist).",
    .m_size = -1,
    .m_methods = speedups_methods,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    PyDateTime_IMPORT;
    if (PyDateTimeAPI == NULL) {
        return NULL;
    }
    if (PyType_Ready(&BuilderType) < 0 || PyType_Ready(&PlanType) < 0) {
        return NULL;
    }
    str_value_ = PyUnicode_InternFromString("_value_");
    if (str_value_ == NULL) {
        return NULL;
    }
    tz_cache = PyDict_New();
    if (tz_cache == NULL) {
        return NULL;
    }
    PyObject *m = PyModule_Create(&speedups_module);
    if (m == NULL) {
        return NULL;
    }
    Py_INCREF(&BuilderType);
    if (PyModule_AddObject(m, "Builder", (PyObject *)&BuilderType) < 0) {
        Py_DECREF(&BuilderType);
        Py_DECREF(m);
        return NULL;
    }
    Py_INCREF(&PlanType);
    if (PyModule_AddObject(m, "JsonPlan", (PyObject *)&PlanType) < 0) {
        Py_DECREF(&PlanType);
        Py_DECREF(m);
        return NULL;
    }
    for (int i = 1; i < OP_LAST; i++) {
        char name[32];
        snprintf(name, sizeof name, "OP_%s", op_names[i]);
        if (PyModule_AddIntConstant(m, name, i) < 0) {
            Py_DECREF(m);
            return NULL;
        }
    }
    return m;
}
