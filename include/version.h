/* version.h - which fundsim this is: its version and the git revision it was built from,
 * as the manifests, the report and --version print them. */
#ifndef FUNDSIM_VERSION_H
#define FUNDSIM_VERSION_H

/* Made by tools/version.sh into the build folder's version.c at every build, from the file
 * VERSION and git: a commit changes fundsim_git without a `make clean`. */
extern const char fundsim_version[]; /* "0.1.0" */
extern const char fundsim_git[];     /* "12613c7", "12613c7-dirty" when built from a modified
					tree, or "unknown" outside git (a release tarball) */

#endif
