"""cjcourse"""
