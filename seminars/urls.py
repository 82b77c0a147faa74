from django.urls import path

from seminars import views

app_name = "seminars"

urlpatterns = [
    path("assignments/<int:pk>/", views.assignment_detail, name="assignment"),
    path("assignments/<int:pk>/edit/", views.assignment_edit, name="assignment_edit"),
    path("assignments/<int:pk>/delete/", views.assignment_delete, name="assignment_delete"),
    path("assignments/<int:pk>/files/<int:file_pk>/", views.assignment_file, name="assignment_file"),
    path("submissions/<int:pk>/", views.submission_detail, name="submission"),
    path("submissions/<int:pk>/files/<int:file_pk>/", views.submission_file, name="submission_file"),
    path("journal/<int:person_pk>/", views.journal, name="journal"),
    path("diploma/<int:person_pk>/", views.diploma_record, name="diploma"),
    path("diploma/<int:person_pk>/attestation.pdf", views.diploma_attestation, name="attestation"),
    path("calendar/", views.calendar_settings, name="calendar"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("<slug:region>/<slug:slug>/agenda.pdf", views.agenda_pdf, name="agenda_pdf"),
    path("<slug:region>/<slug:slug>/seminar.ics", views.seminar_calendar, name="seminar_ics"),
    path("<slug:region>/<slug:slug>/materials.zip", views.materials_zip, name="materials_zip"),
    path("<slug:region>/<slug:slug>/registrations/", views.registrations, name="registrations"),
    path("<slug:region>/<slug:slug>/registrations/import/", views.registrations_import, name="registrations_import"),
    path("<slug:region>/<slug:slug>/attendance/", views.attendance, name="attendance"),
    path("<slug:region>/<slug:slug>/assignments/new/", views.assignment_create, name="assignment_create"),
    path("<slug:region>/<slug:slug>/report/", views.report, name="report"),
    path("<slug:region>/<slug:slug>/report/edit/", views.report_edit, name="report_edit"),
    path("<slug:region>/<slug:slug>/report.pdf", views.report_pdf, name="report_pdf"),
]
