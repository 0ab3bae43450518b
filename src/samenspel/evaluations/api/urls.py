app_name = "evaluations_api"

urlpatterns: list = []
