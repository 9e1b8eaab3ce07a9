"""Views: what each page, fragment, document and ledger sheet shows, for one audience.

A view is a frozen dataclass built by a plain function from the analysis of an edition
(``Site``): ``task_page(site, task) -> TaskPage``. Every rule lives in the domain (the
schedule, the assessment, the analysis) and its result is carried by the view: the percent
to show, whether a task is behind, whether a stage counts as built, which deductions an
audience may see charged twice. Templates and writers receive one view and lay it out; they
do no arithmetic, compare with no enumeration's text and reach no figure around the view.

The site's templates, the ledger and the documents are built from the same views, so a
figure cannot differ between the page, the summary and the files handed upward.
"""
