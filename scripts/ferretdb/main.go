// Command ferretdb-test-server runs an embedded FerretDB v1.24.2 (MongoDB wire
// protocol) backed by SQLite, for use by the test suite.
//
// Usage:
//
//	ferretdb-test-server -listen 127.0.0.1:27017 -dir /abs/data/dir [-log-level warn] [-exit-on-stdin-eof]
//
// Once the TCP listener is bound it prints exactly one line to stdout:
//
//	READY mongodb://127.0.0.1:27017/
//
// and then serves until SIGINT or SIGTERM (or, with -exit-on-stdin-eof, until
// stdin is closed, so that the server dies with a parent that crashed). Logs go to stderr (warn level by
// default). A second SIGINT/SIGTERM, or a graceful shutdown taking longer than
// 10 s, forces an immediate exit.
//
// Notes on building (verified against the v1.24.2 module source):
//
//   - No generated build/version/version.txt is needed here. The panic seen with
//     `go install .../cmd/ferretdb@v1.24.2` comes from build/version's init(),
//     which only reads version.txt/commit.txt/... and insists on a "v" version
//     when the *main module* is github.com/FerretDB/FerretDB. For embedded use
//     (main module = this module) it returns early, reports version "unknown",
//     and ferretdb.New sets Package = "embedded". The only embedded file it
//     always needs, mongodb.txt, ships in the module zip. Therefore there is
//     nothing to pass via -ldflags; the variables are not string vars anyway.
//   - Build with `-tags ferretdb_no_postgresql` to leave out the PostgreSQL
//     backend (smaller binary); the SQLite backend is pure Go (modernc.org/sqlite),
//     so CGO is not required.
//   - SQLiteURL must use the "file:" scheme, have an empty host, a path that ENDS
//     WITH "/", and point to an EXISTING directory (see
//     internal/backends/sqlite/metadata/pool/uri.go); otherwise New fails.
//     Each database becomes one <db>.sqlite file in that directory.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on (host:port)")
	dir := flag.String("dir", "", "SQLite data directory (created if missing; required)")
	logLevel := flag.String("log-level", "warn", "log level: debug, info, warn, error")
	stdinEOF := flag.Bool("exit-on-stdin-eof", false, "shut down when stdin reaches EOF (parent process went away)")
	flag.Parse()

	if err := run(*listen, *dir, *logLevel, *stdinEOF); err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb-test-server: %s\n", err)
		os.Exit(1)
	}
}

func run(listen, dir, logLevel string, stdinEOF bool) error {
	if dir == "" {
		return errors.New("-dir is required")
	}

	if _, _, err := net.SplitHostPort(listen); err != nil {
		return fmt.Errorf("invalid -listen %q: %w", listen, err)
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(logLevel)); err != nil {
		return fmt.Errorf("invalid -log-level %q: %w", logLevel, err)
	}

	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	slog.SetDefault(logger) // in case anything logs via the default logger

	absDir, err := filepath.Abs(dir)
	if err != nil {
		return fmt.Errorf("resolving -dir: %w", err)
	}

	if err = os.MkdirAll(absDir, 0o755); err != nil {
		return fmt.Errorf("creating -dir: %w", err)
	}

	// Build the URI with net/url so that spaces and other special characters in
	// the path are escaped properly; FerretDB parses it back with url.Parse.
	// Trailing slash is mandatory (see package comment).
	sqliteURL := (&url.URL{Scheme: "file", Path: strings.TrimSuffix(filepath.ToSlash(absDir), "/") + "/"}).String()

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	if stdinEOF {
		var cancel context.CancelFunc
		ctx, cancel = context.WithCancel(ctx)
		defer cancel()

		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			logger.Warn("stdin closed, shutting down")
			cancel()
		}()
	}

	// ferretdb.New binds the TCP listener (and opens the SQLite backend)
	// synchronously; Run starts the accept loop.
	f, err := ferretdb.New(&ferretdb.Config{
		Listener: ferretdb.ListenerConfig{
			TCP: listen,
		},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: sqliteURL,
	})
	if err != nil {
		return err
	}

	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()

	// MongoDBURI blocks until the TCP listener is ready (already true after New),
	// so it is safe to call here and reports the actual address (e.g. for port 0).
	fmt.Fprintf(os.Stdout, "READY %s\n", f.MongoDBURI())

	select {
	case err = <-done:
		return err
	case <-ctx.Done():
	}

	// Graceful shutdown: FerretDB gives connected clients a few seconds to
	// disconnect. Don't let that hang the test suite.
	force := make(chan os.Signal, 1)
	signal.Notify(force, syscall.SIGINT, syscall.SIGTERM)

	select {
	case err = <-done:
		return err
	case <-force:
		logger.Warn("second signal received, exiting immediately")
	case <-time.After(10 * time.Second):
		logger.Warn("graceful shutdown timed out, exiting immediately")
	}

	os.Exit(2)
	return nil
}
