from django.urls import path

from learning import views

app_name = "learning"

urlpatterns = [
    path("lessons/<int:pk>/done/", views.lesson_done, name="lesson_done"),
    path("lessons/<int:pk>/quizzes/<str:quiz_id>/", views.quiz_submit, name="quiz_submit"),
    path("lessons/<int:pk>/reflections/<str:block_id>/", views.reflection_save, name="reflection_save"),
    path("lessons/<int:pk>/interactive/<str:block_id>/", views.interactive_record, name="interactive_record"),
    path("packages/<str:token>/<path:path>", views.package_file, name="package_file"),
    path("h5p/<str:token>/", views.h5p_player, name="h5p_player"),
    path("modules/<int:pk>/resume/", views.module_resume, name="resume"),
    path("attempts/<int:pk>/", views.attempt_detail, name="attempt"),
    path("certificates/<int:pk>/", views.certificate_pdf, name="certificate"),
    path("verify/<str:code>/", views.verify, name="verify"),
    path("history/", views.my_history, name="history"),
    path("dashboard/", views.dashboard_view, name="dashboard"),
    path("dashboard/export.csv", views.dashboard_csv, name="dashboard_csv"),
    path("dashboard/people/<int:pk>/", views.learner_history, name="learner"),
]
