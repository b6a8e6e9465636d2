/*
 * kommunalrecht._xmlspeed — a C reader of the canonical OParl XML form.
 *
 * What it does
 *     Reader(types, declaration, root_attributes).read(data) reads one OParl object document
 *     (bytes) in the canonical form that kommunalrecht/oparl/_xmlwrite.py produces and
 *     returns (type name, dict, odd_urls), or None for anything else. It is the C twin of the
 *     regular-expression reader in kommunalrecht/oparl/_xmlread.py (_read_py, see the comment
 *     block "canonical documents" there): it accepts exactly the documents that reader
 *     accepts and builds an equal dict with the same key order. The caller
 *     (_xmlread._read_c) checks the URLs in odd_urls (None: there are none) with the
 *     pure-Python URL check; the document is read only if they pass.
 *
 * Its rules
 *   * Table-driven: `types` is generated in Python from the OParl spec tables
 *     (_xmlread._xmlspeed_tables: the same tables the regular expressions are generated
 *     from): a sequence of (type name, props), props a sequence of (element name, code,
 *     target type index) in schema order, generic JSON properties left out. Codes: 0 text,
 *     1 URL, 2 date, 3 date-time, 4 integer, 5 boolean, 6 embedded object, 7 embedded list,
 *     8 URL list, 9 string list (FORMAT below: the version of this table format).
 *   * The form: an optional `declaration`, blanks (space, tab, line feed), the root element
 *     "<" type name `root_attributes` (exactly; the root's name one of `types`), its
 *     property elements, "</" name ">", blanks, the end. Property elements: without
 *     attributes, in schema order, each at most once except the items of a list (one after
 *     the other); leaf values as character data, typed values in their canonical lexical
 *     forms (integer -?(0|[1-9][0-9]{0,17}), boolean true|false, xs:date / xs:dateTime as
 *     the writer writes them, URLs of the simple form https?://[-.0-9A-Za-z][-./0-9A-Z_a-z~]*
 *     or else handed back in odd_urls); embedded objects with their own property elements;
 *     after all properties of an object its ext:property elements (name [A-Za-z0-9_.:-]+,
 *     value ext:string, ext:integer or ext:boolean, names distinct from every key).
 *     Blanks may follow every opening tag of an object or a list item and every end tag.
 *   * Character data: no "<", UTF-8 as Python decodes it strictly (no surrogates, no
 *     overlong forms, nothing above U+10FFFF), no U+FFFE / U+FFFF, no control characters
 *     but tab and line feed (no carriage return), no "]]>", "&" only in the references
 *     &amp; &lt; &gt; &quot; &apos; &#9; &#10; &#13;, which are resolved.
 *   * Never crashes and never raises for a document: whatever it does not read returns None
 *     (only MemoryError and wrong argument types propagate). Input must be bytes (whose
 *     buffer CPython terminates with a NUL byte, which the scanners rely on as a sentinel;
 *     every access is also bounded by the length).
 *
 * The tests (tests/oparl/test_xml_cspeed.py) compare this reader with the Python reader and
 * the lxml path on generated, damaged and real documents.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

#define FORMAT 1
#define MAX_DEPTH 32
#define MAX_HINT 40 /* most keys a new dict is sized for */

enum {
    K_TEXT = 0,
    K_URL,
    K_DATE,
    K_DATETIME,
    K_INT,
    K_BOOL,
    K_EMB,
    K_ELIST,
    K_ULIST,
    K_SLIST,
    K_COUNT
};

typedef struct {
    PyObject *key; /* interned element / key name */
    char *name;    /* its ASCII bytes */
    Py_ssize_t len;
    int code;
    Py_ssize_t target; /* type index (K_EMB, K_ELIST), else -1 */
} Prop;

typedef struct {
    PyObject *name;
    char *cname;
    Py_ssize_t len;
    Py_ssize_t nprops;
    Prop *props;
    Py_ssize_t hint; /* keys of the last object of this type read: the next dict's size */
} Type;

typedef struct {
    PyObject_HEAD
    Py_ssize_t ntypes;
    Type *types;
    char *decl;
    Py_ssize_t decl_len;
    char *attrs;
    Py_ssize_t attrs_len;
} ReaderObject;

typedef const unsigned char *ptr;

typedef struct {
    ptr end;
    ReaderObject *r;
    PyObject *odd; /* list of URLs that are not of the simple form, or NULL */
    char *buf;     /* scratch for resolving references */
    Py_ssize_t bufsize;
} State;

/* ---------------------------------------------------------------------------------- */
/* character classes */

enum { C_OK = 0, C_LT, C_AMP, C_RBRACKET, C_BAD, C_LEAD };

static unsigned char TEXT_CLASS[256];
static unsigned char NAME_CHAR[256];      /* [A-Za-z]: root names */
static unsigned char ELEM_CHAR[256];      /* [A-Za-z0-9]: property names (checked) */
static unsigned char PROP_NAME_CHAR[256]; /* [A-Za-z0-9_.:-] */
static unsigned char HOST_CHAR[256];      /* [-.0-9A-Za-z] */
static unsigned char PATH_CHAR[256];      /* [-./0-9A-Z_a-z~] */

static void
init_classes(void)
{
    for (int c = 0; c < 256; c++) {
        unsigned char k = C_OK;
        if (c < 0x20 && c != '\t' && c != '\n') {
            k = C_BAD; /* also the NUL sentinel at the end of the buffer */
        }
        else if (c == '<') {
            k = C_LT;
        }
        else if (c == '&') {
            k = C_AMP;
        }
        else if (c == ']') {
            k = C_RBRACKET;
        }
        else if (c >= 0xC2 && c <= 0xF4) {
            k = C_LEAD;
        }
        else if (c >= 0x80) {
            k = C_BAD;
        }
        TEXT_CLASS[c] = k;
        int alpha = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        int digit = c >= '0' && c <= '9';
        NAME_CHAR[c] = (unsigned char)alpha;
        ELEM_CHAR[c] = (unsigned char)(alpha || digit);
        PROP_NAME_CHAR[c] = (unsigned char)(alpha || digit || c == '_' || c == '.' || c == ':'
                                            || c == '-');
        HOST_CHAR[c] = (unsigned char)(alpha || digit || c == '-' || c == '.');
        PATH_CHAR[c] = (unsigned char)(HOST_CHAR[c] || c == '/' || c == '_' || c == '~');
    }
}

#define F_HIGH 1
#define F_AMP 2

#if defined(__SSE2__)
#include <emmintrin.h>
/* The first byte from p that is "<", "&", "]", a control character or non-ASCII, looking at
   16 bytes at a time while 16 are left (then p itself: the caller goes on byte by byte). */
static inline ptr
skip_plain(ptr p, ptr end)
{
    const __m128i lt = _mm_set1_epi8('<');
    const __m128i amp = _mm_set1_epi8('&');
    const __m128i rb = _mm_set1_epi8(']');
    const __m128i space = _mm_set1_epi8(0x20);
    while (end - p >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)p);
        /* signed: the bytes >= 0x80 are below 0x20 too */
        __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, lt), _mm_cmpeq_epi8(v, amp)),
                                 _mm_or_si128(_mm_cmpeq_epi8(v, rb), _mm_cmplt_epi8(v, space)));
        int bits = _mm_movemask_epi8(m);
        if (bits != 0) {
            return p + __builtin_ctz((unsigned)bits);
        }
        p += 16;
    }
    return p;
}
#endif

/* Whether the n bytes at a and b are equal (short names: no call to memcmp). */
static inline int
same(const char *a, ptr b, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        if ((unsigned char)a[i] != b[i]) {
            return 0;
        }
    }
    return 1;
}

static inline int
lit(ptr p, ptr end, const char *s, Py_ssize_t n)
{
    return end - p >= n && memcmp(p, s, (size_t)n) == 0;
}

static inline ptr
skip_ws(ptr p)
{
    while (*p == ' ' || *p == '\t' || *p == '\n') {
        p++;
    }
    return p;
}

/* Character data from p up to the next "<" (returned), checked as the module header says;
   NULL if it is not such character data. *flags gets F_HIGH (non-ASCII) and F_AMP. */
static ptr
scan_text(ptr p, ptr end, int *flags)
{
    int f = 0;
    for (;;) {
#if defined(__SSE2__)
        p = skip_plain(p, end);
        if (TEXT_CLASS[*p] == C_OK) { /* tab, line feed, or fewer than 16 bytes left */
            p++;
            continue;
        }
#else
        while (TEXT_CLASS[*p] == C_OK) {
            p++;
        }
#endif
        switch (TEXT_CLASS[*p]) {
        case C_LT:
            *flags = f;
            return p;
        case C_AMP: {
            Py_ssize_t left = end - p;
            if (left >= 5 && memcmp(p, "&amp;", 5) == 0) {
                p += 5;
            }
            else if (left >= 4 && (memcmp(p, "&lt;", 4) == 0 || memcmp(p, "&gt;", 4) == 0
                                   || memcmp(p, "&#9;", 4) == 0)) {
                p += 4;
            }
            else if (left >= 6 && (memcmp(p, "&quot;", 6) == 0 || memcmp(p, "&apos;", 6) == 0)) {
                p += 6;
            }
            else if (left >= 5 && (memcmp(p, "&#10;", 5) == 0 || memcmp(p, "&#13;", 5) == 0)) {
                p += 5;
            }
            else {
                return NULL;
            }
            f |= F_AMP;
            break;
        }
        case C_RBRACKET:
            /* p[1] is at most the sentinel; p[2] is read only if p[1] is in the data */
            if (p[1] == ']' && p[2] == '>') {
                return NULL;
            }
            p++;
            break;
        case C_LEAD: {
            /* strict UTF-8 (continuation bytes are never the NUL sentinel, so every read is
               inside the buffer); U+FFFE and U+FFFF are no XML characters */
            unsigned c = p[0];
            unsigned c1 = p[1];
            if (c < 0xE0) {
                if ((c1 & 0xC0) != 0x80) {
                    return NULL;
                }
                p += 2;
            }
            else if (c < 0xF0) {
                if ((c1 & 0xC0) != 0x80 || (c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F)) {
                    return NULL;
                }
                unsigned c2 = p[2];
                if ((c2 & 0xC0) != 0x80 || (c == 0xEF && c1 == 0xBF && c2 >= 0xBE)) {
                    return NULL;
                }
                p += 3;
            }
            else {
                if ((c1 & 0xC0) != 0x80 || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F)) {
                    return NULL;
                }
                if ((p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80) {
                    return NULL;
                }
                p += 4;
            }
            f |= F_HIGH;
            break;
        }
        default: /* C_BAD: control characters, stray bytes, the end of the data */
            return NULL;
        }
    }
}

/* ---------------------------------------------------------------------------------- */
/* values */

/* The str of checked character data [a, b) with its references resolved. */
static PyObject *
make_str(State *s, ptr a, ptr b, int flags)
{
    Py_ssize_t n = b - a;
    if (flags & F_AMP) {
        if (n > s->bufsize) {
            char *nb = PyMem_Realloc(s->buf, (size_t)n);
            if (nb == NULL) {
                return PyErr_NoMemory();
            }
            s->buf = nb;
            s->bufsize = n;
        }
        char *o = s->buf;
        while (a < b) {
            if (*a != '&') {
                *o++ = (char)*a++;
                continue;
            }
            /* checked by scan_text: one of the eight references */
            switch (a[1]) {
            case 'a':
                if (a[2] == 'm') {
                    *o++ = '&';
                    a += 5;
                }
                else {
                    *o++ = '\'';
                    a += 6;
                }
                break;
            case 'l':
                *o++ = '<';
                a += 4;
                break;
            case 'g':
                *o++ = '>';
                a += 4;
                break;
            case 'q':
                *o++ = '"';
                a += 6;
                break;
            default: /* '#' */
                if (a[2] == '9') {
                    *o++ = '\t';
                    a += 4;
                }
                else {
                    *o++ = a[3] == '0' ? '\n' : '\r';
                    a += 5;
                }
            }
        }
        a = (ptr)s->buf;
        n = o - s->buf;
    }
    if (flags & F_HIGH) {
        return PyUnicode_DecodeUTF8((const char *)a, n, "strict");
    }
    PyObject *u = PyUnicode_New(n, 127);
    if (u != NULL) {
        memcpy(PyUnicode_1BYTE_DATA(u), a, (size_t)n);
    }
    return u;
}

/* Whether [a, b) is -?(0|[1-9][0-9]{0,17}); its value in *out. */
static int
parse_int(ptr a, ptr b, long long *out)
{
    int neg = 0;
    if (a < b && *a == '-') {
        neg = 1;
        a++;
    }
    Py_ssize_t n = b - a;
    if (n < 1 || n > 18 || *a < '0' || *a > '9' || (*a == '0' && n != 1)) {
        return 0;
    }
    long long v = 0;
    for (; a < b; a++) {
        if (*a < '0' || *a > '9') {
            return 0;
        }
        v = v * 10 + (*a - '0');
    }
    *out = neg ? -v : v;
    return 1;
}

static inline int
digits(ptr a, int n)
{
    for (int i = 0; i < n; i++) {
        if (a[i] < '0' || a[i] > '9') {
            return 0;
        }
    }
    return 1;
}

#define D2(a) (((a)[0] - '0') * 10 + ((a)[1] - '0'))

/* Whether the 10 bytes at a are the date of _xmlread._DATE: yyyy-mm-dd, year not 0000,
   a real day of the proleptic Gregorian calendar. */
static int
is_date(ptr a)
{
    if (!digits(a, 4) || a[4] != '-' || !digits(a + 5, 2) || a[7] != '-' || !digits(a + 8, 2)) {
        return 0;
    }
    int year = D2(a) * 100 + D2(a + 2);
    int month = D2(a + 5);
    int day = D2(a + 8);
    if (year == 0 || month < 1 || month > 12 || day < 1) {
        return 0;
    }
    static const int days[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    return day <= days[month] || (month == 2 && day == 29 && leap);
}

/* Whether [a, b) is a date-time of _xmlread._DATETIME:
   date "T" hh:mm:ss, hours < 24, then an offset [+-]hh:mm up to 14:00. */
static int
is_datetime(ptr a, ptr b)
{
    if (b - a != 25 || !is_date(a) || a[10] != 'T') {
        return 0;
    }
    ptr t = a + 11;
    if (!digits(t, 2) || t[2] != ':' || !digits(t + 3, 2) || t[5] != ':' || !digits(t + 6, 2)) {
        return 0;
    }
    if (D2(t) > 23 || t[3] > '5' || t[6] > '5') {
        return 0;
    }
    ptr z = a + 19;
    if ((z[0] != '+' && z[0] != '-') || !digits(z + 1, 2) || z[3] != ':' || !digits(z + 4, 2)) {
        return 0;
    }
    int h = D2(z + 1);
    if (h < 14) {
        return z[4] <= '5';
    }
    return h == 14 && z[4] == '0' && z[5] == '0';
}

/* Whether [a, b) is https?://[-.0-9A-Za-z][-./0-9A-Z_a-z~]* (a subset of _xmlread._URL). */
static int
is_simple_url(ptr a, ptr b)
{
    Py_ssize_t n = b - a;
    if (n >= 8 && memcmp(a, "https://", 8) == 0) {
        a += 8;
    }
    else if (n >= 7 && memcmp(a, "http://", 7) == 0) {
        a += 7;
    }
    else {
        return 0;
    }
    if (a >= b || !HOST_CHAR[*a]) {
        return 0;
    }
    for (a++; a < b; a++) {
        if (!PATH_CHAR[*a]) {
            return 0;
        }
    }
    return 1;
}

/* The value of a leaf element of `code` with checked character data [a, b) (flags of
   scan_text); NULL without an exception set: declined. */
static PyObject *
leaf_value(State *s, int code, ptr a, ptr b, int flags)
{
    switch (code) {
    case K_INT: {
        long long v;
        if (!parse_int(a, b, &v)) {
            return NULL;
        }
        return PyLong_FromLongLong(v);
    }
    case K_BOOL:
        if (b - a == 4 && memcmp(a, "true", 4) == 0) {
            Py_RETURN_TRUE;
        }
        if (b - a == 5 && memcmp(a, "false", 5) == 0) {
            Py_RETURN_FALSE;
        }
        return NULL;
    case K_DATE:
        if (b - a != 10 || !is_date(a)) {
            return NULL;
        }
        return make_str(s, a, b, 0);
    case K_DATETIME:
        if (!is_datetime(a, b)) {
            return NULL;
        }
        return make_str(s, a, b, 0);
    case K_URL:
    case K_ULIST:
        if (!is_simple_url(a, b)) {
            /* the character data as it is (references unresolved), for the caller's check */
            PyObject *raw = PyUnicode_DecodeUTF8((const char *)a, b - a, "strict");
            if (raw == NULL) {
                return NULL;
            }
            if (s->odd == NULL && (s->odd = PyList_New(0)) == NULL) {
                Py_DECREF(raw);
                return NULL;
            }
            int rc = PyList_Append(s->odd, raw);
            Py_DECREF(raw);
            if (rc < 0) {
                return NULL;
            }
        }
        return make_str(s, a, b, flags);
    default: /* K_TEXT, K_SLIST */
        return make_str(s, a, b, flags);
    }
}

/* ---------------------------------------------------------------------------------- */
/* elements */

static inline int
end_tag(ptr p, ptr end, const char *name, Py_ssize_t len)
{
    return end - p >= len + 3 && p[0] == '<' && p[1] == '/' && same(name, p + 2, len)
           && p[len + 2] == '>';
}

static const char EXT_PROPERTY[] = "<ext:property name=\"";
#define EXT_PROPERTY_LEN 20

/* One ext:property element from after its `name="` at p into d; the position after it and
   the blanks that follow, or NULL (declined or an error). */
static ptr
read_ext_property(State *s, ptr p, PyObject *d)
{
    ptr end = s->end;
    ptr name = p;
    while (PROP_NAME_CHAR[*p]) {
        p++;
    }
    if (p == name || !lit(p, end, "\">", 2)) {
        return NULL;
    }
    ptr name_end = p;
    p = skip_ws(p + 2);
    int which;
    if (lit(p, end, "<ext:string>", 12)) {
        which = K_TEXT;
        p += 12;
    }
    else if (lit(p, end, "<ext:integer>", 13)) {
        which = K_INT;
        p += 13;
    }
    else if (lit(p, end, "<ext:boolean>", 13)) {
        which = K_BOOL;
        p += 13;
    }
    else {
        return NULL;
    }
    ptr a = p;
    int flags;
    p = scan_text(p, end, &flags);
    if (p == NULL) {
        return NULL;
    }
    ptr b = p;
    static const char *const closing[] = {"</ext:string>", "</ext:integer>", "</ext:boolean>"};
    const char *close = closing[which == K_TEXT ? 0 : which == K_INT ? 1 : 2];
    Py_ssize_t close_len = (Py_ssize_t)strlen(close);
    if (!lit(p, end, close, close_len)) {
        return NULL;
    }
    p = skip_ws(p + close_len);
    if (!lit(p, end, "</ext:property>", 15)) {
        return NULL;
    }
    p = skip_ws(p + 15);
    PyObject *key = PyUnicode_FromStringAndSize((const char *)name, name_end - name);
    if (key == NULL) {
        return NULL;
    }
    int has = PyDict_Contains(d, key);
    if (has != 0) { /* a second occurrence (declined), or an error */
        Py_DECREF(key);
        return NULL;
    }
    PyObject *value = leaf_value(s, which, a, b, flags);
    if (value == NULL) {
        Py_DECREF(key);
        return NULL;
    }
    int rc = PyDict_SetItem(d, key, value);
    Py_DECREF(key);
    Py_DECREF(value);
    return rc < 0 ? NULL : p;
}

/* A new dict for an object of type t, sized for as many keys as the last one had (fewer
   resizes while it is filled). */
static inline PyObject *
new_dict(const Type *t)
{
    return t->hint > 5 ? _PyDict_NewPresized(t->hint) : PyDict_New();
}

/* The property elements of an object of type t from p (just after its opening tag) into d,
   up to the "</" of its end tag (returned), or NULL (declined or an error). */
static ptr
read_object(State *s, Type *t, ptr p, PyObject *d, int depth)
{
    ptr end = s->end;
    Py_ssize_t cur = 0;   /* lowest index the next property element may have */
    Py_ssize_t prev = -1; /* index of the previous property element */
    PyObject *list = NULL; /* borrowed: the list of prev, when it is a list property */
    if (depth > MAX_DEPTH) {
        return NULL;
    }
    p = skip_ws(p);
    for (;;) {
        if (p[0] != '<') {
            return NULL;
        }
        if (p[1] == '/') {
            Py_ssize_t size = PyDict_GET_SIZE(d);
            t->hint = size < MAX_HINT ? size : MAX_HINT; /* many ext:properties: no more */
            return p;
        }
        if (p[1] == 'e' && lit(p, end, EXT_PROPERTY, EXT_PROPERTY_LEN)) {
            p = read_ext_property(s, p + EXT_PROPERTY_LEN, d);
            if (p == NULL) {
                return NULL;
            }
            cur = t->nprops;
            prev = -1;
            continue;
        }
        /* the first property from cur whose name and ">" follow (all names [A-Za-z0-9]+: a
           match ends inside the data, so the ">" read is at most the sentinel) */
        Py_ssize_t j = cur;
        for (; j < t->nprops; j++) {
            const Prop *c = &t->props[j];
            if (p[1] == (unsigned char)c->name[0] && same(c->name, p + 1, c->len)
                && p[c->len + 1] == '>') {
                break;
            }
        }
        if (j == t->nprops) { /* unknown, a generic JSON property, or out of order */
            return NULL;
        }
        const Prop *pr = &t->props[j];
        p += pr->len + 2;
        PyObject *value;
        if (pr->code == K_EMB || pr->code == K_ELIST) {
            Type *target = &s->r->types[pr->target];
            value = new_dict(target);
            if (value == NULL) {
                return NULL;
            }
            p = read_object(s, target, p, value, depth + 1);
            if (p == NULL || !end_tag(p, end, pr->name, pr->len)) {
                Py_DECREF(value);
                return NULL;
            }
        }
        else {
            ptr a = p;
            int flags;
            p = scan_text(p, end, &flags);
            if (p == NULL || !end_tag(p, end, pr->name, pr->len)) {
                return NULL;
            }
            value = leaf_value(s, pr->code, a, p, flags);
            if (value == NULL) {
                return NULL;
            }
        }
        p = skip_ws(p + pr->len + 3);
        int rc;
        if (pr->code >= K_ELIST) { /* K_ELIST, K_ULIST, K_SLIST: a list, items in a row */
            if (prev == j) {
                rc = PyList_Append(list, value);
            }
            else {
                list = PyList_New(1);
                if (list == NULL) {
                    Py_DECREF(value);
                    return NULL;
                }
                PyList_SET_ITEM(list, 0, value);
                Py_INCREF(value);
                rc = PyDict_SetItem(d, pr->key, list);
                Py_DECREF(list); /* d holds it */
            }
            cur = j;
        }
        else {
            rc = PyDict_SetItem(d, pr->key, value);
            cur = j + 1;
        }
        Py_DECREF(value);
        if (rc < 0) {
            return NULL;
        }
        prev = j;
    }
}

/* ---------------------------------------------------------------------------------- */
/* Reader */

static void
Reader_clear_tables(ReaderObject *self)
{
    if (self->types != NULL) {
        for (Py_ssize_t i = 0; i < self->ntypes; i++) {
            Type *t = &self->types[i];
            Py_XDECREF(t->name);
            PyMem_Free(t->cname);
            if (t->props != NULL) {
                for (Py_ssize_t j = 0; j < t->nprops; j++) {
                    Py_XDECREF(t->props[j].key);
                    PyMem_Free(t->props[j].name);
                }
                PyMem_Free(t->props);
            }
        }
        PyMem_Free(self->types);
        self->types = NULL;
    }
    self->ntypes = 0;
    PyMem_Free(self->decl);
    self->decl = NULL;
    PyMem_Free(self->attrs);
    self->attrs = NULL;
}

static void
Reader_dealloc(ReaderObject *self)
{
    Reader_clear_tables(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* A copy of the ASCII str `s` (NUL-terminated, length in *len); NULL with an exception. */
static char *
ascii_copy(PyObject *s, Py_ssize_t *len, const char *what)
{
    if (!PyUnicode_Check(s) || !PyUnicode_IS_ASCII(s)) {
        PyErr_Format(PyExc_TypeError, "%s must be an ASCII str", what);
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    char *c = PyMem_Malloc((size_t)n + 1);
    if (c == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    memcpy(c, PyUnicode_1BYTE_DATA(s), (size_t)n + 1);
    *len = n;
    return c;
}

static int
Reader_init(ReaderObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"types", "declaration", "root_attributes", NULL};
    PyObject *types, *decl, *attrs;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OUU:Reader", kwlist, &types, &decl, &attrs)) {
        return -1;
    }
    Reader_clear_tables(self);
    PyObject *seq = PySequence_Fast(types, "types must be a sequence");
    if (seq == NULL) {
        return -1;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    self->types = PyMem_Calloc((size_t)(n ? n : 1), sizeof(Type));
    if (self->types == NULL) {
        Py_DECREF(seq);
        PyErr_NoMemory();
        return -1;
    }
    self->ntypes = n;
    for (Py_ssize_t i = 0; i < n; i++) {
        Type *t = &self->types[i];
        PyObject *name, *props;
        PyObject *item = PySequence_Fast_GET_ITEM(seq, i);
        if (!PyTuple_Check(item)) {
            PyErr_SetString(PyExc_TypeError, "a type is a tuple (name, props)");
            goto fail;
        }
        if (!PyArg_ParseTuple(item, "UO;a type is (name, props)", &name, &props)) {
            goto fail;
        }
        if ((t->cname = ascii_copy(name, &t->len, "a type name")) == NULL) {
            goto fail;
        }
        Py_INCREF(name);
        t->name = name;
        PyObject *pseq = PySequence_Fast(props, "props must be a sequence");
        if (pseq == NULL) {
            goto fail;
        }
        Py_ssize_t m = PySequence_Fast_GET_SIZE(pseq);
        t->props = PyMem_Calloc((size_t)(m ? m : 1), sizeof(Prop));
        if (t->props == NULL) {
            Py_DECREF(pseq);
            PyErr_NoMemory();
            goto fail;
        }
        t->nprops = m;
        for (Py_ssize_t j = 0; j < m; j++) {
            Prop *pr = &t->props[j];
            PyObject *key;
            int code;
            Py_ssize_t target;
            pr->target = -1;
            PyObject *pitem = PySequence_Fast_GET_ITEM(pseq, j);
            if (!PyTuple_Check(pitem)) {
                Py_DECREF(pseq);
                PyErr_SetString(PyExc_TypeError, "a prop is a tuple (name, code, target)");
                goto fail;
            }
            if (!PyArg_ParseTuple(pitem, "Uin;a prop is (name, code, target)", &key, &code,
                                  &target)) {
                Py_DECREF(pseq);
                goto fail;
            }
            if ((pr->name = ascii_copy(key, &pr->len, "a property name")) == NULL) {
                Py_DECREF(pseq);
                goto fail;
            }
            Py_INCREF(key);
            PyUnicode_InternInPlace(&key);
            pr->key = key;
            if (code < 0 || code >= K_COUNT) {
                Py_DECREF(pseq);
                PyErr_Format(PyExc_ValueError, "unknown property code %d", code);
                goto fail;
            }
            pr->code = code;
            if (code == K_EMB || code == K_ELIST) {
                if (target < 0 || target >= n) {
                    Py_DECREF(pseq);
                    PyErr_SetString(PyExc_ValueError, "target type index out of range");
                    goto fail;
                }
                pr->target = target;
            }
            for (Py_ssize_t c = 0; c < pr->len || c == 0; c++) {
                if (!ELEM_CHAR[(unsigned char)pr->name[c]]) {
                    Py_DECREF(pseq);
                    PyErr_SetString(PyExc_ValueError, "a property name must be [A-Za-z0-9]+");
                    goto fail;
                }
            }
        }
        Py_DECREF(pseq);
    }
    Py_DECREF(seq);
    if ((self->decl = ascii_copy(decl, &self->decl_len, "declaration")) == NULL
        || (self->attrs = ascii_copy(attrs, &self->attrs_len, "root_attributes")) == NULL) {
        Reader_clear_tables(self);
        return -1;
    }
    return 0;
fail:
    Py_DECREF(seq);
    Reader_clear_tables(self);
    return -1;
}

/* The document in `data`; NULL without an exception set: declined. */
static PyObject *
read_document(ReaderObject *self, State *s, ptr p)
{
    ptr end = s->end;
    if (self->ntypes == 0 || self->attrs == NULL) {
        return NULL;
    }
    if (lit(p, end, self->decl, self->decl_len)) {
        p += self->decl_len;
    }
    p = skip_ws(p);
    if (p[0] != '<' || p[1] < 'A' || p[1] > 'Z') {
        return NULL;
    }
    ptr name = p + 1;
    for (p = name; NAME_CHAR[*p]; p++) {
    }
    Py_ssize_t len = p - name;
    Type *t = NULL;
    for (Py_ssize_t i = 0; i < self->ntypes; i++) {
        if (self->types[i].len == len && memcmp(self->types[i].cname, name, (size_t)len) == 0) {
            t = &self->types[i];
            break;
        }
    }
    if (t == NULL || !lit(p, end, self->attrs, self->attrs_len)) {
        return NULL;
    }
    PyObject *d = new_dict(t);
    if (d == NULL) {
        return NULL;
    }
    p = read_object(s, t, p + self->attrs_len, d, 0);
    if (p == NULL || !end_tag(p, end, t->cname, t->len)) {
        Py_DECREF(d);
        return NULL;
    }
    p = skip_ws(p + t->len + 3);
    if (p != end) {
        Py_DECREF(d);
        return NULL;
    }
    PyObject *odd = s->odd != NULL ? s->odd : Py_None;
    PyObject *result = PyTuple_Pack(3, t->name, d, odd);
    Py_DECREF(d);
    return result;
}

static PyObject *
Reader_read(ReaderObject *self, PyObject *data)
{
    if (!PyBytes_Check(data)) {
        PyErr_SetString(PyExc_TypeError, "Reader.read() takes bytes");
        return NULL;
    }
    ptr p = (ptr)PyBytes_AS_STRING(data); /* NUL-terminated by CPython */
    State s = {p + PyBytes_GET_SIZE(data), self, NULL, NULL, 0};
    PyObject *result = read_document(self, &s, p);
    Py_XDECREF(s.odd);
    PyMem_Free(s.buf);
    if (result != NULL) {
        return result;
    }
    if (PyErr_Occurred()) {
        if (!PyErr_ExceptionMatches(PyExc_MemoryError)) {
            /* e.g. a decoding error, which the checks rule out: declined all the same */
            PyErr_Clear();
        }
        else {
            return NULL;
        }
    }
    Py_RETURN_NONE;
}

static PyMethodDef Reader_methods[] = {
    {"read", (PyCFunction)Reader_read, METH_O,
     "read(data: bytes) -> (type name, dict, odd URLs or None) | None\n\n"
     "The OParl dict of a document in the canonical XML form (see the module header)."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject ReaderType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "kommunalrecht._xmlspeed.Reader",
    .tp_basicsize = sizeof(ReaderObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Reader(types, declaration, root_attributes): the canonical XML reader of the "
              "OParl types described by `types` (see the module header).",
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Reader_init,
    .tp_dealloc = (destructor)Reader_dealloc,
    .tp_methods = Reader_methods,
};

static struct PyModuleDef xmlspeed_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "kommunalrecht._xmlspeed",
    .m_doc = "C reader of the canonical OParl XML form (optional; the pure-Python reader in "
             "kommunalrecht.oparl._xmlread gives the same results).",
    .m_size = -1,
};

PyMODINIT_FUNC
PyInit__xmlspeed(void)
{
    init_classes();
    if (PyType_Ready(&ReaderType) < 0) {
        return NULL;
    }
    PyObject *m = PyModule_Create(&xmlspeed_module);
    if (m == NULL) {
        return NULL;
    }
    if (PyModule_AddIntConstant(m, "FORMAT", FORMAT) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    Py_INCREF(&ReaderType);
    if (PyModule_AddObject(m, "Reader", (PyObject *)&ReaderType) < 0) {
        Py_DECREF(&ReaderType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
