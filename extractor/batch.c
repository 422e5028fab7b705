/* batch.c: see batch.h. */
#include "batch.h"

#include "explain.h"
#include "extract.h"
#include "log.h"
#include "utf8.h"
#include "xalloc.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum slot_state { SLOT_EMPTY, SLOT_READY, SLOT_RUNNING, SLOT_DONE };

struct job {
  enum slot_state state;
  uint64_t seq;
  struct nx_doc doc;
  struct nx_buf out;    /* for stdout */
  struct nx_buf err;    /* diagnostic lines for stderr */
  struct nx_buf errors; /* JSON lines for --errors */
  uint64_t *records;      /* its records written, per output type */
  const char *limited[8]; /* rules that hit a match limit on it */
  size_t nlimited;
  bool failed;
};

struct batch {
  const nx_ruleset *rs;
  const struct nx_batch_options *opts;
  struct nx_batch_result *result;
  struct job *slots;
  size_t nslots;
  uint64_t next_seq;   /* the next document read gets this number */
  uint64_t next_write; /* ordered mode: the next number to write */
  uint64_t in_flight;  /* slots not EMPTY */
  bool closing;        /* no more documents will come */
  bool writing;        /* a thread is writing jobs out (one at a time) */
  /* The outputs whose file was found among the inputs: said once each. */
  const char *said[NX_MAX_OUTPUTS];
  size_t nsaid;
  bool write_failed;   /* stdout could not be written (under the lock) */
  pthread_mutex_t lock;
  pthread_cond_t work; /* a slot became READY, or closing */
  pthread_cond_t done; /* a slot became DONE */
  nx_extractor *inline_x; /* jobs == 1: the caller's own extractor */
  struct timespec start, last_progress;
};

static volatile sig_atomic_t stop_signal;

static void on_signal(int sig)
{
  stop_signal = sig;
}

void nx_batch_handle_signals(void)
{
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  /* A closed stdout comes back as EPIPE, so that the batch stops reading
   * and exits with its own status, not killed by SIGPIPE (141). */
  signal(SIGPIPE, SIG_IGN);
}

static double seconds_since(const struct timespec *t)
{
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (double)(now.tv_sec - t->tv_sec) +
         (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

/* ---- one document ------------------------------------------------------ */

/* Under the document's whole id: err->source is cut at 255 bytes, and a
 * line of --errors must match its document's id (issue 13). */
static const char *input_of(const struct job *job, const struct nx_error *err)
{
  return job->doc.id ? job->doc.id : err->source;
}

/* A JSON line for --errors: {"input": INPUT, KEY: TEXT}. KEY is "error"
 * for a failure or a warning, "skipped" for a file that is not a document
 * (what it was), so a list of what was not read exists. */
static void add_errors_line(struct job *job, const char *input,
                            const char *key, const char *text)
{
  json_t *rec = json_object();
  json_object_set_new(rec, "input", nx_utf8_json(input));
  json_object_set_new(rec, key, nx_utf8_json(text));
  char *s = json_dumps(rec, JSON_COMPACT);
  if (s) {
    nx_buf_adds(&job->errors, s);
    nx_buf_addc(&job->errors, '\n');
  }
  free(s);
  json_decref(rec);
}

static void add_error_line(struct job *job, const struct nx_error *err)
{
  add_errors_line(job, input_of(job, err), "error", err->text);
}

static void add_failure(struct job *job, const struct nx_error *err)
{
  const char *input = input_of(job, err);
  char where[32] = "";
  if (err->line && err->column)
    snprintf(where, sizeof where, ":%u:%u", err->line, err->column);
  else if (err->line)
    snprintf(where, sizeof where, ":%u", err->line);
  nx_buf_adds(&job->err, "newsextract: ");
  if (*input) {
    nx_buf_adds(&job->err, input);
    nx_buf_adds(&job->err, where);
    nx_buf_adds(&job->err, ": ");
  }
  nx_buf_adds(&job->err, err->text);
  nx_buf_addc(&job->err, '\n');
  add_error_line(job, err);
  job->failed = true;
}

/* The document object with id first, then the fields an input carried
 * ("kept", "warc_*"), then the rest. */
static json_t *with_extra(json_t *doc, json_t *extra)
{
  if (extra == NULL)
    return doc;
  json_t *out = json_object();
  json_object_set(out, "id", json_object_get(doc, "id"));
  json_object_update(out, extra);
  const char *key;
  json_t *v;
  json_object_foreach(doc, key, v)
  {
    if (json_object_get(out, key) == NULL)
      json_object_set(out, key, v);
  }
  json_decref(doc);
  return out;
}

/* A warning, not a failure: the document is written, but text that was
 * not in the encoding it was read as lost characters ("£18" as U+FFFD
 * "18" loses a price target). */
static void note_replaced(struct job *job, const nx_extractor *x)
{
  const char *encoding;
  size_t n = nx_extract_replaced(x, &encoding);
  if (n == 0)
    return;
  char line[512];
  snprintf(line, sizeof line,
           ": %zu byte%s not valid %s, replaced by U+FFFD (--encoding NAME "
           "reads text in another encoding)\n",
           n, n == 1 ? " is" : "s are", encoding);
  nx_buf_adds(&job->err, "newsextract: ");
  nx_buf_adds(&job->err, job->doc.id);
  nx_buf_adds(&job->err, line);
}

static void process(struct batch *b, nx_extractor *x, struct job *job)
{
  const struct nx_batch_options *o = b->opts;
  struct nx_doc *doc = &job->doc;
  if (doc->skipped) {
    add_errors_line(job, doc->id, "skipped", doc->skipped);
    return;
  }
  if (doc->failed) {
    add_failure(job, &doc->err);
    return;
  }
  struct nx_source src = {
      doc->data, doc->len,
      doc->format != NX_FORMAT_AUTO ? doc->format : o->format,
      doc->charset ? doc->charset : o->encoding, doc->id, doc->meta};
  struct nx_error err;
  if (o->mode == NX_OUTPUT_TEXT) {
    const char *text, *title;
    size_t len;
    if (nx_extract_text(x, &src, &text, &len, &title, &err) != NX_OK) {
      add_failure(job, &err);
      return;
    }
    nx_buf_add(&job->out, text, len);
    nx_buf_addc(&job->out, '\n');
    note_replaced(job, x);
    return;
  }
  if (o->mode == NX_OUTPUT_EXPLAIN) {
    if (nx_explain_document(b->rs, x, &src, o->max_bytes, &job->out, &err) !=
        NX_OK)
      add_failure(job, &err);
    else
      note_replaced(job, x);
    return;
  }
  json_t *obj;
  if (nx_extract_document(x, &src, &obj, &err) != NX_OK) {
    add_failure(job, &err);
    return;
  }
  /* A rule that hit its limit: the detail in --errors, a count per rule
   * in the summary (not a stderr line per document). */
  for (size_t i = 0; i < nx_extract_limited(x); i++) {
    struct nx_error lim;
    const char *rule = nx_extract_limited_rule(x, i);
    nx_fail(&lim, NX_ELIMIT, doc->id, 0, 0,
            "rule %s hit its match limit and was skipped", rule);
    add_error_line(job, &lim);
    if (job->nlimited < sizeof job->limited / sizeof job->limited[0])
      job->limited[job->nlimited++] = rule;
  }
  note_replaced(job, x);
  obj = with_extra(obj, doc->extra);
  nx_output_document(o->output, obj, &job->out, job->records);
  json_decref(obj);
}

/* ---- writing ------------------------------------------------------------- */

static void progress_line(struct batch *b, bool final)
{
  const struct nx_batch_options *o = b->opts;
  if (!o->progress)
    return;
  double elapsed = seconds_since(&b->start);
  if (!final && seconds_since(&b->last_progress) < o->progress_seconds)
    return;
  clock_gettime(CLOCK_MONOTONIC, &b->last_progress);
  struct nx_batch_result *r = b->result;
  uint64_t done = nx_input_bytes_read();
  double mb = (double)done / 1e6;
  double rate = elapsed > 0 ? mb / elapsed : 0;
  char line[256];
  int n = snprintf(line, sizeof line,
                   "%llu docs, %.1f MB, %.1f MB/s, %llu errors",
                   (unsigned long long)r->written, mb, rate,
                   (unsigned long long)r->failed);
  if (o->total_bytes && n > 0 && (size_t)n < sizeof line) {
    /* A known total (the input files' sizes): a bar and the time left. */
    double part = (double)done / (double)o->total_bytes;
    if (part > 1)
      part = 1;
    char bar[21];
    for (int i = 0; i < 20; i++)
      bar[i] = i < (int)(part * 20) ? '#' : '.';
    bar[20] = '\0';
    double left = rate > 0 ? ((double)o->total_bytes / 1e6 - mb) / rate : 0;
    snprintf(line + n, sizeof line - (size_t)n, " [%s] %3.0f%%, ETA %.0f s",
             bar, part * 100, left > 0 ? left : 0);
  }
  if (final) {
    if (o->progress_tty)
      nx_log_note("\r\033[K");
    return;
  }
  nx_log_note(o->progress_tty ? "\r\033[K%s" : "%s\n", line);
}

/* One more document on which 'rule' hit its match limit. */
static void count_limited(struct nx_batch_result *r, const char *rule)
{
  size_t i = 0;
  while (i < r->nlimited && strcmp(r->limited_rules[i], rule) != 0)
    i++;
  if (i == r->nlimited) {
    r->limited_rules =
        xrealloc(r->limited_rules, (i + 1) * sizeof *r->limited_rules);
    r->limited_docs = xrealloc(r->limited_docs, (i + 1) * sizeof *r->limited_docs);
    r->limited_rules[i] = rule;
    r->limited_docs[i] = 0;
    r->nlimited++;
  }
  r->limited_docs[i]++;
}

/* Writes a finished job (the lock is not held, but this thread is the
 * only writer) and empties its slot. Returns errno when stdout could not
 * be written, else 0. */
static int write_job(struct batch *b, struct job *job, bool write_failed)
{
  struct nx_batch_result *r = b->result;
  int failure = 0;
  if (job->out.len && !write_failed) {
    /* Flushed per document: a reader at the other end of a pipe (tail -f
     * feed | newsextract | consumer) gets each line as it is done. */
    if (fwrite(job->out.data, 1, job->out.len, stdout) != job->out.len ||
        fflush(stdout) != 0)
      failure = errno ? errno : EIO;
  }
  if (job->err.len)
    fputs(job->err.data, stderr);
  if (job->doc.output) {
    size_t i = 0;
    while (i < b->nsaid && b->said[i] != job->doc.output)
      i++;
    if (i == b->nsaid && i < NX_MAX_OUTPUTS) {
      nx_log_note("newsextract: %s: not read: %s writes to it\n",
                  job->doc.id, job->doc.output);
      b->said[b->nsaid++] = job->doc.output;
    }
  } else if (job->doc.skipped) {
    r->not_documents++;
  }
  if (job->errors.len && b->opts->errors)
    fputs(job->errors.data, b->opts->errors);
  if (job->failed) {
    r->failed++;
    nx_log_mark_errored();
  }
  bool done = !job->doc.failed && job->out.len && !failure;
  if (done)
    r->written++;
  /* Records count only when their line reached the output. */
  bool written = done && !write_failed;
  bool any = false;
  for (size_t t = 0; t < r->ntypes; t++) {
    r->records[t] += written ? job->records[t] : 0;
    any = any || (written && job->records[t]);
    job->records[t] = 0;
  }
  r->with_records += any;
  for (size_t i = 0; i < job->nlimited; i++)
    count_limited(r, job->limited[i]);
  job->nlimited = 0;
  nx_doc_free(&job->doc);
  nx_buf_clear(&job->out);
  nx_buf_clear(&job->err);
  nx_buf_clear(&job->errors);
  job->failed = false;
  progress_line(b, false);
  return failure;
}

/* The job that may be written next, or NULL. */
static struct job *writable(struct batch *b)
{
  if (b->opts->unordered) {
    for (size_t i = 0; i < b->nslots; i++)
      if (b->slots[i].state == SLOT_DONE)
        return &b->slots[i];
    return NULL;
  }
  struct job *next = &b->slots[b->next_write % b->nslots];
  return next->state == SLOT_DONE && next->seq == b->next_write ? next : NULL;
}

/* Writes every job that may be written now, unless another thread is
 * already at it (it writes these too before it stops). With 'wait', first
 * blocks until at least one slot frees up. Called with the lock held, by
 * the reading thread and by each worker as it finishes a document, so
 * results go out as soon as they and those before them are done, even
 * while the reader waits for input. */
static void drain(struct batch *b, bool wait)
{
  for (;;) {
    struct job *ready = b->writing ? NULL : writable(b);
    if (ready == NULL) {
      if (!wait || b->in_flight == 0)
        return;
      pthread_cond_wait(&b->done, &b->lock);
      continue;
    }
    b->writing = true;
    bool failed_before = b->write_failed;
    pthread_mutex_unlock(&b->lock);
    int failure = write_job(b, ready, failed_before);
    pthread_mutex_lock(&b->lock);
    if (failure && !b->write_failed) {
      b->write_failed = true;
      b->result->write_failed = true;
      b->result->write_errno = failure;
    }
    b->writing = false;
    ready->state = SLOT_EMPTY;
    b->in_flight--;
    if (!b->opts->unordered)
      b->next_write++;
    pthread_cond_broadcast(&b->done); /* a slot is free, the writer too */
    wait = false;
  }
}

/* ---- workers ------------------------------------------------------------- */

static struct job *take_ready(struct batch *b)
{
  struct job *best = NULL;
  for (size_t i = 0; i < b->nslots; i++) {
    struct job *j = &b->slots[i];
    if (j->state == SLOT_READY && (best == NULL || j->seq < best->seq))
      best = j;
  }
  return best;
}

static void *worker(void *arg)
{
  struct batch *b = arg;
  nx_extractor *x =
      nx_extractor_new(b->rs, b->opts->max_bytes, b->opts->extract_flags);
  pthread_mutex_lock(&b->lock);
  for (;;) {
    struct job *job;
    while ((job = take_ready(b)) == NULL && !b->closing)
      pthread_cond_wait(&b->work, &b->lock);
    if (job == NULL)
      break;
    job->state = SLOT_RUNNING;
    pthread_mutex_unlock(&b->lock);
    process(b, x, job);
    pthread_mutex_lock(&b->lock);
    job->state = SLOT_DONE;
    pthread_cond_broadcast(&b->done);
    drain(b, false);
  }
  pthread_mutex_unlock(&b->lock);
  nx_extractor_free(x);
  return NULL;
}

/* ---- reading ------------------------------------------------------------- */

/* Writing to stdout failed (the flag is set under the lock by whichever
 * thread wrote). */
static bool stopped(struct batch *b)
{
  pthread_mutex_lock(&b->lock);
  bool failed = b->write_failed;
  pthread_mutex_unlock(&b->lock);
  return failed;
}

static bool accept_doc(void *ctx, struct nx_doc *doc)
{
  struct batch *b = ctx;
  struct nx_batch_result *r = b->result;
  if (stop_signal || stopped(b)) {
    nx_doc_free(doc);
    return false;
  }
  /* What --skip passes over takes no slot and no number: the documents
   * before it, and what was found among them that is not a document. */
  if (r->documents < b->opts->skip) {
    if (doc->skipped == NULL) {
      r->documents++;
      r->skipped++;
    }
    nx_doc_free(doc);
    return true;
  }
  uint64_t seq = b->next_seq++;
  if (doc->skipped == NULL)
    r->documents++;
  pthread_mutex_lock(&b->lock);
  struct job *job = &b->slots[seq % b->nslots];
  while (job->state != SLOT_EMPTY)
    drain(b, true);
  job->seq = seq;
  job->doc = *doc;
  job->failed = false;
  job->state = SLOT_READY;
  b->in_flight++;
  if (b->inline_x) {
    job->state = SLOT_RUNNING;
    pthread_mutex_unlock(&b->lock);
    process(b, b->inline_x, job);
    pthread_mutex_lock(&b->lock);
    job->state = SLOT_DONE;
  } else {
    pthread_cond_signal(&b->work);
  }
  drain(b, false);
  bool write_failed = b->write_failed;
  pthread_mutex_unlock(&b->lock);
  return !stop_signal && !write_failed;
}

void nx_batch_run(const nx_ruleset *rs, const char *const *paths,
                  size_t npaths, const struct nx_input_options *in,
                  const struct nx_batch_options *opts,
                  struct nx_batch_result *result)
{
  memset(result, 0, sizeof *result);
  struct batch b;
  memset(&b, 0, sizeof b);
  b.rs = rs;
  b.opts = opts;
  b.result = result;
  unsigned jobs = opts->jobs ? opts->jobs : 1;
  b.nslots = jobs == 1 ? 1 : (size_t)jobs * 4;
  b.slots = xcalloc(b.nslots, sizeof *b.slots);
  while (opts->output && nx_output_type(opts->output, result->ntypes))
    result->ntypes++;
  result->records = xcalloc(result->ntypes + 1, sizeof *result->records);
  for (size_t i = 0; i < b.nslots; i++) {
    b.slots[i].records =
        xcalloc(result->ntypes + 1, sizeof *b.slots[i].records);
    nx_buf_init(&b.slots[i].out, 0);
    nx_buf_init(&b.slots[i].err, 0);
    nx_buf_init(&b.slots[i].errors, 0);
  }
  pthread_mutex_init(&b.lock, NULL);
  pthread_cond_init(&b.work, NULL);
  pthread_cond_init(&b.done, NULL);
  clock_gettime(CLOCK_MONOTONIC, &b.start);
  b.last_progress = b.start;
  if (opts->output) {
    struct nx_buf header;
    nx_buf_init(&header, 0);
    nx_output_header(opts->output, &header);
    if (header.len)
      fputs(header.data, stdout);
    nx_buf_free(&header);
  }

  /* A thread that cannot start (EAGAIN: a process limit) leaves the work
   * to those that did; with none, this thread does it all. */
  pthread_t *threads = NULL;
  unsigned started = 0;
  if (jobs > 1) {
    threads = xcalloc(jobs, sizeof *threads);
    while (started < jobs &&
           pthread_create(&threads[started], NULL, worker, &b) == 0)
      started++;
    if (started < jobs)
      nx_log_note("newsextract: %u of %u worker threads could not start; "
                  "going on with %u\n",
                  jobs - started, jobs, started ? started : 1);
  }
  if (started == 0)
    b.inline_x = nx_extractor_new(rs, opts->max_bytes, opts->extract_flags);

  static const char *const stdin_only[] = {"-"};
  if (npaths == 0) {
    paths = stdin_only;
    npaths = 1;
  }
  for (size_t i = 0; i < npaths && !stop_signal && !stopped(&b); i++)
    nx_input_each(paths[i], in, accept_doc, &b);

  pthread_mutex_lock(&b.lock);
  b.closing = true;
  pthread_cond_broadcast(&b.work);
  while (b.in_flight)
    drain(&b, true);
  pthread_mutex_unlock(&b.lock);
  for (unsigned i = 0; i < started; i++)
    pthread_join(threads[i], NULL);
  free(threads);
  nx_extractor_free(b.inline_x);

  progress_line(&b, true);
  result->bytes = nx_input_bytes_read();
  result->seconds = seconds_since(&b.start);
  result->signal = stop_signal;
  for (size_t i = 0; i < b.nslots; i++) {
    nx_buf_free(&b.slots[i].out);
    nx_buf_free(&b.slots[i].err);
    nx_buf_free(&b.slots[i].errors);
    free(b.slots[i].records);
  }
  free(b.slots);
  pthread_cond_destroy(&b.work);
  pthread_cond_destroy(&b.done);
  pthread_mutex_destroy(&b.lock);
}

void nx_batch_result_free(struct nx_batch_result *result)
{
  free(result->records);
  result->records = NULL;
  free(result->limited_rules);
  free(result->limited_docs);
  result->limited_rules = NULL;
  result->limited_docs = NULL;
  result->nlimited = 0;
}
