"""nbgrader configuration for the course: run stock nbgrader commands from this folder.

    nbgrader generate_assignment module1_intro     # -> instructor/release/module1_intro/
    nbgrader autograde module1_intro                # grades instructor/submitted/<alumno>/module1_intro/

Sources live in course/<module>/; everything nbgrader writes (release, submissions, gradebook,
feedback) goes to the git-ignored folder instructor/. The settings themselves are shared with
`cjcourse start` in cjcourse/grading/nbgrader_setup.py.
"""

from pathlib import Path

from cjcourse.grading.nbgrader_setup import configure

c = get_config()  # noqa: F821 - provided by nbgrader when it loads this file
configure(c, Path(__file__).resolve().parent)
