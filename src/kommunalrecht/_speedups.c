/*
 * kommunalrecht._speedups — two small helpers of the OParl JSON fast path, in C.
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
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <datetime.h>
#include <structmember.h>
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
    if (PyType_Ready(&BuilderType) < 0) {
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
    return m;
}
