app_name = "funding_api"

urlpatterns: list = []
